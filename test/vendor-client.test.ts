import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVendorClient, type VendorClient, type VendorClientOptions } from '../lib/subgraph/vendor-client.js';

/** A tiny vendor: each path answers one way; `/echo` sends back what it was sent, `/status/NNN` answers NNN. */
const routes: Record<string, (req: IncomingMessage, res: ServerResponse, body: string) => void> = {
  '/echo': (req, res, body) => json(res, 200, { method: req.method, url: req.url, contentType: req.headers['content-type'] ?? null, body: body ? JSON.parse(body) : null }),
  '/created': (_req, res) => json(res, 201, { id: 'X1' }),
  '/refused': (_req, res) => json(res, 409, { error: 'capacity_exhausted' }),
  '/missing': (_req, res) => json(res, 404, { error: 'not_found' }),
  '/refused-as-text': (_req, res) => res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad Request'),
  '/not-json': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'),
  '/slow': () => {}, // never answers
};

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    const { pathname } = new URL(req.url!, 'http://vendor');
    const status = /^\/status\/(\d{3})$/.exec(pathname)?.[1];
    if (status) json(res, Number(status), { error: 'as_asked' });
    else routes[pathname]!(req, res, body);
  });
});
let baseUrl: string;
let client: VendorClient;
let developmentClient: VendorClient;

const clientFor = (options: Partial<VendorClientOptions> = {}) => createVendorClient({ vendor: 'acme', baseUrl, timeoutMs: 200, ...options });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = clientFor();
  developmentClient = clientFor({ environment: 'development' });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The coded error a call rejects with. */
async function failure(call: Promise<unknown>): Promise<GraphQLError> {
  const error = await call.then(() => null, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(GraphQLError);
  return error as GraphQLError;
}

describe('vendor client: answers', () => {
  it('returns 2xx answers with their JSON body, sending the query and the JSON body', async () => {
    expect(await client.send('PATCH', '/echo', { query: { ids: ['a', 'b'], skip: undefined, n: 2 }, body: { x: 1 } })).toEqual({
      ok: true,
      status: 200,
      body: { method: 'PATCH', url: '/echo?ids=a%2Cb&n=2', contentType: 'application/json', body: { x: 1 } },
    });
    expect(await client.get('/echo', { q: 'one' })).toMatchObject({ method: 'GET', url: '/echo?q=one', body: null });
    expect(await client.post('/created', { a: 1 })).toEqual({ id: 'X1' });
  });

  it('returns refusals from send with the vendor error body (or its text) and the error they mean; get and post throw it', async () => {
    const refused = await client.send('POST', '/refused', { body: {} });
    expect(refused).toMatchObject({ ok: false, status: 409, body: { error: 'capacity_exhausted' } });
    expect(!refused.ok && refused.error.extensions).toEqual({ code: 'VENDOR_REFUSED', vendor: 'acme' });
    expect(await client.send('GET', '/refused-as-text')).toMatchObject({ ok: false, status: 400, body: 'Bad Request' });
    expect((await failure(client.post('/refused', {}))).extensions).toEqual({ code: 'VENDOR_REFUSED', vendor: 'acme' });
    expect((await failure(client.get('/missing'))).extensions.code).toBe('VENDOR_REFUSED');
  });

  it('answers null from find for a 404, and the body otherwise', async () => {
    expect(await client.find('/missing')).toBeNull();
    expect(await client.find('/created')).toEqual({ id: 'X1' });
  });
});

describe('vendor client: what a failure means', () => {
  it.each([400, 413, 414, 422, 431])('reads %i as the vendor refusing the input: BAD_USER_INPUT, not an outage', async (status) => {
    for (const call of [() => client.get(`/status/${status}`), () => client.post(`/status/${status}`, {})]) {
      const error = await failure(call());
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', vendor: 'acme' });
      expect(error.message).toBe(`Vendor "acme" refused the input: HTTP ${status}`);
    }
  });

  it('reads a request line too long for the vendor (its HTTP server answers 431) as BAD_USER_INPUT', async () => {
    const error = await failure(client.get('/echo', { q: 'x'.repeat(20_000) }));
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', vendor: 'acme' });
    expect(error.message).toBe('Vendor "acme" refused the input: HTTP 431');
  });

  it.each([401, 403, 405])('reads %i as the vendor refusing us: VENDOR_REFUSED, for an operator to look at', async (status) => {
    const error = await failure(client.get(`/status/${status}`));
    expect(error.extensions).toEqual({ code: 'VENDOR_REFUSED', vendor: 'acme' });
    expect(error.message).toBe(`Vendor "acme" refused the request: HTTP ${status}`);
  });

  it.each([408, 429, 500, 503])('throws VENDOR_UNAVAILABLE for %i, from send too', async (status) => {
    for (const call of [() => client.send('GET', `/status/${status}`), () => client.get(`/status/${status}`), () => client.find(`/status/${status}`)]) {
      const error = await failure(call());
      expect(error.extensions).toEqual({ code: 'VENDOR_UNAVAILABLE', vendor: 'acme' });
      expect(error.message).toBe(`Vendor "acme" is unavailable: HTTP ${status}`);
    }
  });

  it('throws VENDOR_UNAVAILABLE when the vendor does not answer in time', async () => {
    const error = await failure(client.send('POST', '/slow', { body: {} }));
    expect(error.extensions).toEqual({ code: 'VENDOR_UNAVAILABLE', vendor: 'acme' });
    expect(error.message).toBe('Vendor "acme" is unavailable: no answer within 200 ms');
  });

  it('throws VENDOR_UNAVAILABLE when the vendor cannot be reached', async () => {
    const unreachable = createVendorClient({ vendor: 'acme', baseUrl: 'http://127.0.0.1:1' });
    expect((await failure(unreachable.get('/echo'))).message).toBe('Vendor "acme" is unavailable: unreachable');
  });

  it('throws VENDOR_BAD_RESPONSE for a 2xx body that is not JSON', async () => {
    for (const call of [() => client.send('GET', '/not-json'), () => client.get('/not-json')]) {
      expect((await failure(call())).extensions).toEqual({ code: 'VENDOR_BAD_RESPONSE', vendor: 'acme' });
    }
  });
});

describe('vendor client: routes in error messages', () => {
  const failureMessages = (vendor: VendorClient) =>
    Promise.all(
      [vendor.get('/status/431', { q: 'secret-query' }), vendor.get('/status/403'), vendor.post('/status/503', {}), vendor.get('/not-json')].map(
        async (call) => (await failure(call)).message,
      ),
    );

  it.each([
    ['by default', () => client],
    ['in production', () => clientFor({ environment: 'production' })],
  ])('names no route %s', async (_, vendor) => {
    for (const message of await failureMessages(vendor())) {
      expect(message).toMatch(/^Vendor "acme" /);
      expect(message).not.toContain('/');
    }
  });

  it('names the route (never the query) in development', async () => {
    expect(await failureMessages(developmentClient)).toEqual([
      'Vendor "acme" refused the input: GET /status/431: HTTP 431',
      'Vendor "acme" refused the request: GET /status/403: HTTP 403',
      'Vendor "acme" is unavailable: POST /status/503: HTTP 503',
      'Vendor "acme" sent a response its adapter cannot read: GET /not-json: not JSON',
    ]);
  });
});

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVendorClient, type VendorClient } from '../lib/subgraph/vendor-client.js';

/** A tiny vendor: each path answers one way; `/echo` sends back what it was sent. */
const routes: Record<string, (req: IncomingMessage, res: ServerResponse, body: string) => void> = {
  '/echo': (req, res, body) => json(res, 200, { method: req.method, url: req.url, contentType: req.headers['content-type'] ?? null, body: body ? JSON.parse(body) : null }),
  '/created': (_req, res) => json(res, 201, { id: 'X1' }),
  '/refused': (_req, res) => json(res, 409, { error: 'capacity_exhausted' }),
  '/missing': (_req, res) => json(res, 404, { error: 'not_found' }),
  '/refused-as-text': (_req, res) => res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad Request'),
  '/broken': (_req, res) => json(res, 503, { error: 'maintenance' }),
  '/not-json': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'),
  '/slow': () => {}, // never answers
};

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => routes[new URL(req.url!, 'http://vendor').pathname]!(req, res, body));
});
let client: VendorClient;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  client = createVendorClient({ vendor: 'acme', baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 200 });
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

describe('vendor client', () => {
  it('returns 2xx answers with their JSON body, sending the query and the JSON body', async () => {
    expect(await client.send('PATCH', '/echo', { query: { ids: ['a', 'b'], skip: undefined, n: 2 }, body: { x: 1 } })).toEqual({
      ok: true,
      status: 200,
      body: { method: 'PATCH', url: '/echo?ids=a%2Cb&n=2', contentType: 'application/json', body: { x: 1 } },
    });
    expect(await client.get('/echo', { q: 'one' })).toMatchObject({ method: 'GET', url: '/echo?q=one', body: null });
    expect(await client.post('/created', { a: 1 })).toEqual({ id: 'X1' });
  });

  it('returns 4xx answers from send, with the vendor error body (or its text), but post and get throw them', async () => {
    expect(await client.send('POST', '/refused', { body: {} })).toEqual({ ok: false, status: 409, body: { error: 'capacity_exhausted' } });
    expect(await client.send('GET', '/refused-as-text')).toEqual({ ok: false, status: 400, body: 'Bad Request' });
    const error = await failure(client.post('/refused', {}));
    expect(error.extensions).toEqual({ code: 'VENDOR_UNAVAILABLE', vendor: 'acme' });
    expect(error.message).toContain('POST /refused: HTTP 409');
    expect((await failure(client.get('/missing'))).extensions.code).toBe('VENDOR_UNAVAILABLE');
  });

  it('answers null from find for a 404, and the body otherwise', async () => {
    expect(await client.find('/missing')).toBeNull();
    expect(await client.find('/created')).toEqual({ id: 'X1' });
  });

  it('throws VENDOR_UNAVAILABLE naming the vendor for a 5xx, from send too', async () => {
    for (const call of [() => client.send('GET', '/broken'), () => client.get('/broken'), () => client.find('/broken')]) {
      const error = await failure(call());
      expect(error.extensions).toEqual({ code: 'VENDOR_UNAVAILABLE', vendor: 'acme' });
      expect(error.message).toBe('Vendor "acme" is unavailable: GET /broken: HTTP 503');
    }
  });

  it('throws VENDOR_UNAVAILABLE when the vendor does not answer in time', async () => {
    const error = await failure(client.send('POST', '/slow', { body: {} }));
    expect(error.extensions).toEqual({ code: 'VENDOR_UNAVAILABLE', vendor: 'acme' });
    expect(error.message).toContain('no answer within 200 ms');
  });

  it('throws VENDOR_UNAVAILABLE when the vendor cannot be reached', async () => {
    const unreachable = createVendorClient({ vendor: 'acme', baseUrl: 'http://127.0.0.1:1' });
    expect((await failure(unreachable.get('/echo'))).message).toContain('GET /echo: unreachable');
  });

  it('throws VENDOR_BAD_RESPONSE for a 2xx body that is not JSON', async () => {
    for (const call of [() => client.send('GET', '/not-json'), () => client.get('/not-json')]) {
      expect((await failure(call())).extensions).toEqual({ code: 'VENDOR_BAD_RESPONSE', vendor: 'acme' });
    }
  });
});

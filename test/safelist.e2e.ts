import { createHash } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestContextFor } from '../gateway/context.js';
import { loadOperations } from '../gateway/operations/registry.js';
import { createGateway } from '../gateway/server.js';
import { loadSupergraph } from '../gateway/supergraph.js';
import type { Principal } from '../policies/principal.js';
import { auditCollector } from './support/audit.js';
import { startStack, type Stack } from './support/stack.js';
import { SUPERGRAPH_PATH } from '../scripts/topology.js';
import { authAs, testTokenKeys } from './support/tokens.js';

/**
 * The persisted-operation safelist over HTTP: agents run only the registered operations (`operations/`),
 * in any layout or by registered hash alone; anything else is refused before it is parsed, with no vendor
 * called and nothing stored as an automatic persisted query, and leaves one audit record. Other principals
 * are unaffected unless configured.
 */
const registry = loadOperations();
const searchProducts = registry.byName.get('SearchProducts')!;
const FREE_FORM = '{ products(first: 2) { nodes { id name } } }';
const TRACE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const agent: Principal = { kind: 'agent', id: 'shopping-bot', scopes: [] };
const staff: Principal = { kind: 'staff', id: 'S01', roles: ['service'] };
const unaffected: Principal[] = [{ kind: 'anonymous' }, { kind: 'customer', id: 'C0001' }, staff];

const log = auditCollector();
const audited = log.entries;
const refusals = () => audited.filter((entry) => entry.action === 'safelist');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ safelist: { registry, enforcedFor: ['agent'] }, audit: { log } });
});
beforeEach(async () => {
  audited.length = 0;
  await stack.resetVendors();
});

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(url: string, principal: Principal, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await authAs(principal)), ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
const codesOf = (answer: Answer) => (answer.errors ?? []).map((error) => error.extensions?.code);

function expectRefused(answer: Answer): void {
  expect(answer.status).toBe(403);
  expect(answer.data).toBeUndefined();
  expect(codesOf(answer)).toEqual(['OPERATION_NOT_IN_SAFELIST']);
}

function expectAnswered(answer: Answer): void {
  expect(answer.errors).toBeUndefined();
  expect(answer.status).toBe(200);
}

describe('the persisted-operation safelist, for agents', () => {
  it('answers an agent a registered operation sent exactly as registered', async () => {
    const answer = await post(stack.gateway.url, agent, { query: searchProducts.body, variables: { first: 2 } });
    expectAnswered(answer);
    expect((answer.data!.products as { nodes: unknown[] }).nodes).toHaveLength(2);
  });

  it('answers an agent a registered operation in another layout (one line, a comment, no indentation)', async () => {
    const layout = `# my copy of SearchProducts\n${searchProducts.body.replace(/\s+/g, ' ')}`;
    expect(sha256(layout)).not.toBe(searchProducts.hash);
    expectAnswered(await post(stack.gateway.url, agent, { query: layout, variables: { first: 2 } }));
  });

  it('refuses an agent a document that is not registered, before any vendor is called, and records the refusal', async () => {
    const answer = await post(stack.gateway.url, agent, { query: FREE_FORM, operationName: null, variables: { email: 'a@b.c' } }, { traceparent: TRACE, 'x-agent-reason': 'browsing' });
    expectRefused(answer);
    expect(answer.errors![0]!.message).toContain('agent:shopping-bot may run only the registered operations');
    expect(await stack.vendorCalls()).toBe(0);
    expect(refusals()).toEqual([
      expect.objectContaining({
        action: 'safelist',
        outcome: 'refused',
        principal: 'agent:shopping-bot',
        operationHash: sha256(FREE_FORM),
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        reason: 'browsing',
        variables: { email: '[REDACTED]' },
      }),
    ]);
  });

  it('refuses an agent a registered operation with one more field, and a document that does not even parse', async () => {
    const widened = searchProducts.body.replace('brand', 'brand description');
    expectRefused(await post(stack.gateway.url, agent, { query: widened }));
    expectRefused(await post(stack.gateway.url, agent, { query: '{ products(first: 1 { id }' }));
    expect(refusals()).toHaveLength(2);
  });

  it.each(unaffected)('answers the same document from a $kind principal, which the safelist does not bind', async (principal) => {
    expectAnswered(await post(stack.gateway.url, principal, { query: FREE_FORM }));
    expect(refusals()).toEqual([]);
  });

  it('answers over GET a registered operation and refuses a free-form document, as over POST', async () => {
    const get = async (query: string) => {
      const response = await fetch(`${stack.gateway.url}/graphql?${new URLSearchParams({ query })}`, { headers: { ...(await authAs(agent)), 'apollo-require-preflight': 'true' } });
      return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
    };
    expectAnswered(await get(searchProducts.body));
    expectRefused(await get(FREE_FORM));
    expect(refusals()).toHaveLength(1);
  });
});

describe('automatic persisted queries under the safelist', () => {
  it('refuses an agent registering a free-form document by APQ, and does not store it: its hash alone stays refused', async () => {
    const query = '{ products(first: 3) { nodes { id } } }';
    const hash = sha256(query);
    expectRefused(await post(stack.gateway.url, agent, { query, extensions: persisted(hash) }));
    expectRefused(await post(stack.gateway.url, agent, { extensions: persisted(hash) }));
    expect(codesOf(await post(stack.gateway.url, { kind: 'anonymous' }, { extensions: persisted(hash) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(refusals().map((entry) => entry.operationHash)).toEqual([hash, hash]);
    expect(await stack.vendorCalls()).toBe(0);
  });

  it('lets a storefront register a document by APQ as before, and refuses an agent that document by its hash', async () => {
    const query = '{ products(first: 4) { nodes { id name } } }';
    const hash = sha256(query);
    const storefront: Principal = { kind: 'anonymous' };
    expect(codesOf(await post(stack.gateway.url, storefront, { extensions: persisted(hash) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expectAnswered(await post(stack.gateway.url, storefront, { query, extensions: persisted(hash) }));
    expectAnswered(await post(stack.gateway.url, storefront, { extensions: persisted(hash) }));
    await stack.resetVendors();

    expectRefused(await post(stack.gateway.url, agent, { extensions: persisted(hash) }));
    expect(await stack.vendorCalls()).toBe(0);
    expect(refusals()).toEqual([expect.objectContaining({ principal: 'agent:shopping-bot', operationHash: hash, outcome: 'refused' })]);
  });

  it.each([agent, ...unaffected])('answers a registered operation by its hash alone, never registered before, to a $kind principal', async (principal) => {
    const answer = await post(stack.gateway.url, principal, { extensions: persisted(searchProducts.hash), variables: { first: 1 } });
    expectAnswered(answer);
    expect((answer.data!.products as { nodes: unknown[] }).nodes).toHaveLength(1);
  });

  it('answers an agent registering a registered operation by APQ (its exact body and hash)', async () => {
    expectAnswered(await post(stack.gateway.url, agent, { query: searchProducts.body, extensions: persisted(searchProducts.hash), variables: { first: 1 } }));
  });
});

describe('the safelist configured for staff too', () => {
  let gateway: { url: string };
  beforeAll(async () => {
    gateway = await stack.startGateway({ safelist: { registry, enforcedFor: ['agent', 'staff'] }, audit: { log } });
  });

  it('refuses staff a free-form document, and records it', async () => {
    expectRefused(await post(gateway.url, staff, { query: FREE_FORM }));
    expect(await stack.vendorCalls()).toBe(0);
    expect(refusals()).toEqual([expect.objectContaining({ principal: 'staff:S01', outcome: 'refused' })]);
  });

  it('answers staff a registered operation, and a customer any document', async () => {
    expectAnswered(await post(gateway.url, staff, { query: searchProducts.body }));
    expectAnswered(await post(gateway.url, { kind: 'customer', id: 'C0001' }, { query: FREE_FORM }));
  });
});

describe('a refusal the audit log cannot record', () => {
  it('is still a refusal', async () => {
    const failing = { append: async () => Promise.reject(new Error('the audit log is down')) };
    const gateway = await stack.startGateway({ safelist: { registry, enforcedFor: ['agent'] }, audit: { log: failing } });
    expectRefused(await post(gateway.url, agent, { query: FREE_FORM }));
    expect(await stack.vendorCalls()).toBe(0);
  });
});

describe('a request that does not come over HTTP (`executeOperation`, as MCP tools run)', () => {
  it('runs a registered operation for an agent, and fails a free-form one without running it', async () => {
    const { server } = createGateway({
      supergraph: loadSupergraph(SUPERGRAPH_PATH, stack.subgraphUrls),
      environment: 'test',
      keys: await testTokenKeys(),
      safelist: { registry, enforcedFor: ['agent'] },
    });
    await server.start();
    try {
      const contextValue = requestContextFor(agent);
      const answer = await server.executeOperation({ query: searchProducts.body, variables: { first: 1 } }, { contextValue });
      expect(answer.body.kind === 'single' && answer.body.singleResult.errors).toBeUndefined();
      await stack.resetVendors();
      await expect(server.executeOperation({ query: FREE_FORM }, { contextValue })).rejects.toThrow('Internal server error');
      expect(await stack.vendorCalls()).toBe(0);
    } finally {
      await server.stop();
    }
  });
});

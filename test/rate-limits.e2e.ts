import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RateLimitOptions } from '../gateway/limits/useRateLimits.js';
import type { RunningServer } from '../lib/service/listen.js';
import type { Principal } from '../policies/principal.js';
import type { RateLimits } from '../policies/rate-limits.js';
import { auditCollector } from './support/audit.js';
import { graphql, type GraphQLResponse } from './support/graphql.js';
import { startOwnRedis } from './support/redis-server.js';
import { startStack, type Stack } from './support/stack.js';
import { authAs } from './support/tokens.js';

/**
 * Per-agent rate limits on the whole product over HTTP: each agent (by its own id, whomever it acts for)
 * and operation has its count, cache hits included; over it, RATE_LIMITED with HTTP 429 and `Retry-After`,
 * no vendor called, and one audit record per agent, operation and window. Two instances on one Redis
 * share the count; with that Redis stopped each counts in memory, never waiting on it.
 */
const FILE = 'test/rate-limits.e2e.ts';
/** Windows far longer than any test takes, so that a slow machine never sees one end mid-test; `recovers` has a short one. */
const LIMITS: RateLimits = {
  reads: { points: 3, windowSeconds: 600 },
  actions: { points: 2, windowSeconds: 600 },
  operations: { Brands: { points: 5, windowSeconds: 600 } },
};
const LISTING = 'query Listing { products(first: 2) { nodes { id name } } }';
const OTHER = 'query Other { products(first: 1) { nodes { id } } }';
const BRANDS = 'query Brands { products(first: 1) { nodes { brand } } }';
const UNNAMED = '{ products(first: 1) { nodes { name } } }';
const ADD = 'mutation Add { addCartItem(customerId: "C0001", sku: "SKU-10002-01", quantity: 1) { customerId } }';

const agent = (id: string, onBehalfOf = 'C0001'): Principal => ({ kind: 'agent', id, scopes: ['cart:read', 'cart:write'], onBehalfOf });
const ask = async (gateway: RunningServer, query: string, principal: Principal) => graphql(gateway.url, query, undefined, await authAs(principal));
const codes = (answer: GraphQLResponse) => answer.errors?.map((error) => error.extensions?.code);
const answered = (answer: GraphQLResponse) => expect({ status: answer.status, errors: answer.errors }).toEqual({ status: 200, errors: undefined });
const refused = (answer: GraphQLResponse) => {
  expect({ status: answer.status, codes: codes(answer), data: answer.data }).toEqual({ status: 429, codes: ['RATE_LIMITED'], data: undefined });
  return answer.errors![0]!;
};
/** Sends `query` `times` times in a row, each answered. */
async function askUpTo(gateway: RunningServer, query: string, principal: Principal, times: number) {
  for (let i = 0; i < times; i++) answered(await ask(gateway, query, principal));
}

let stack: Stack;
const audit = auditCollector();

beforeAll(async () => {
  stack = await startStack({ rateLimits: { limits: LIMITS }, audit: { log: audit } });
});
afterEach(() => vi.restoreAllMocks());

describe('an agent under its limits', () => {
  it('is answered; another agent, and the same agent for another operation, have counts of their own', async () => {
    await askUpTo(stack.gateway, LISTING, agent('reader'), 3);
    refused(await ask(stack.gateway, LISTING, agent('reader')));
    answered(await ask(stack.gateway, LISTING, agent('another-reader')));
    answered(await ask(stack.gateway, OTHER, agent('reader')));
  });

  it('reads, and acts, each under its own limit; an operation named in the limits under its own', async () => {
    await askUpTo(stack.gateway, ADD, agent('actor'), 2);
    refused(await ask(stack.gateway, ADD, agent('actor')));
    answered(await ask(stack.gateway, LISTING, agent('actor')));
    await askUpTo(stack.gateway, BRANDS, agent('actor'), 5);
    refused(await ask(stack.gateway, BRANDS, agent('actor')));
  });

  it('counts an unnamed operation as `anonymous`', async () => {
    await askUpTo(stack.gateway, UNNAMED, agent('unnamed'), 3);
    expect(refused(await ask(stack.gateway, UNNAMED, agent('unnamed'))).message).toContain('may run anonymous 3 times in 600 s');
  });

  it('never holds customers, staff or anonymous callers to them', async () => {
    for (const principal of [{ kind: 'customer', id: 'C0001' }, { kind: 'staff', id: 'S01', roles: ['service'] }, { kind: 'anonymous' }] as Principal[]) {
      await askUpTo(stack.gateway, LISTING, principal, 5);
    }
  });
});

describe('an agent over its limit', () => {
  it('is refused with RATE_LIMITED, retryAfter and HTTP 429 with Retry-After, and no vendor is called', async () => {
    await askUpTo(stack.gateway, LISTING, agent('eager'), 3);
    const calls = await stack.vendorCalls();
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authAs(agent('eager'))) },
      body: JSON.stringify({ query: LISTING }),
    });
    const error = refused({ status: response.status, ...((await response.json()) as object) });
    expect(error.extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect(error.extensions!.retryAfter).toBeGreaterThanOrEqual(1);
    expect(error.extensions!.retryAfter).toBeLessThanOrEqual(600);
    expect(response.headers.get('retry-after')).toBe(String(error.extensions!.retryAfter));
    expect(await stack.vendorCalls()).toBe(calls);
  });

  it('is refused an action without any vendor call: nothing is written', async () => {
    await askUpTo(stack.gateway, ADD, agent('writer'), 2);
    const commerceCalls = (await stack.vendors.commerce.admin.calls()).total;
    refused(await ask(stack.gateway, ADD, agent('writer')));
    expect((await stack.vendors.commerce.admin.calls()).total).toBe(commerceCalls);
  });

  it('is counted by its own id, not by the customer it acts for', async () => {
    await askUpTo(stack.gateway, LISTING, agent('support-bot', 'C0001'), 3);
    refused(await ask(stack.gateway, LISTING, agent('support-bot', 'C0002')));
  });

  it('is counted on cache hits too', async () => {
    const cached = await stack.startGateway({ cache: {}, rateLimits: { limits: LIMITS } });
    answered(await ask(cached, LISTING, agent('cached-reader')));
    const calls = await stack.vendorCalls();
    await askUpTo(cached, LISTING, agent('cached-reader'), 2);
    expect(await stack.vendorCalls()).toBe(calls);
    refused(await ask(cached, LISTING, agent('cached-reader')));
  });

  it('recovers once its window has passed', async () => {
    const short = await stack.startGateway({ rateLimits: { limits: { ...LIMITS, reads: { points: 3, windowSeconds: 1 } } } });
    let refusal: GraphQLResponse | undefined;
    // However slowly this machine answers, some call within a window goes over it.
    for (let i = 0; i < 20 && !refusal; i++) {
      const answer = await ask(short, LISTING, agent('patient'));
      if (answer.status === 429) refusal = answer;
    }
    const retryAfter = refused(refusal!).extensions!.retryAfter as number;
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1_000));
    answered(await ask(short, LISTING, agent('patient')));
  });
});

describe('the audit of refusals', () => {
  it('writes one record for every refusal of one agent in one window, and none per refused call', async () => {
    await askUpTo(stack.gateway, ADD, agent('audited-bot'), 2);
    for (let i = 0; i < 4; i++) refused(await ask(stack.gateway, ADD, agent('audited-bot')));
    const records = audit.entries.filter((entry) => entry.principal === 'agent:audited-bot');
    expect(records.map((entry) => entry.action)).toEqual(['cart.addItem', 'cart.addItem', 'rateLimit']);
    expect(records[2]).toEqual({
      traceId: null,
      principal: 'agent:audited-bot',
      onBehalfOf: 'customer:C0001',
      reason: null,
      operationName: 'Add',
      operationHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      action: 'rateLimit',
      actionId: null,
      step: null,
      idempotencyKey: null,
      variables: {},
      decisions: [{ kind: 'guardrail', name: 'rate-limit', verdict: 'deny', reason: 'more than 2 calls of Add in 600 s (actions)' }],
      steps: [],
      outcome: 'rate_limited',
    });
  });

  it('still refuses when the record cannot be written, and says so in the log', async () => {
    const failing = { append: async () => Promise.reject(new Error('the disk is full')) };
    const gateway = await stack.startGateway({ rateLimits: { limits: LIMITS, audit: failing } });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    await askUpTo(gateway, LISTING, agent('unrecorded'), 3);
    refused(await ask(gateway, LISTING, agent('unrecorded')));
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/could not record that agent:unrecorded was rate limited on Listing: the disk is full/));
  });
});

const ownRedis = await startOwnRedis(FILE);

describe.runIf(ownRedis)('two instances sharing one Redis', () => {
  const audits = { a: auditCollector(), b: auditCollector() };
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    // A command timeout longer than the test's own: a request that waited on a stopped Redis would fail the test.
    const redis: RateLimitOptions['redis'] = { url: ownRedis!.url, keyPrefix: `rate-limits-test:${randomUUID()}:`, commandTimeoutMs: 60_000 };
    const start = (log: RateLimitOptions['audit']) => stack.startGateway({ rateLimits: { limits: LIMITS, redis, audit: log } });
    a = await start(audits.a);
    b = await start(audits.b);
  });

  it('share one count, and write one record for the refusals on both', async () => {
    for (const gateway of [a, b, a]) answered(await ask(gateway, LISTING, agent('shared')));
    refused(await ask(b, LISTING, agent('shared')));
    refused(await ask(a, LISTING, agent('shared')));
    expect([...audits.a.entries, ...audits.b.entries].map((entry) => `${entry.principal} ${entry.action}`)).toEqual(['agent:shared rateLimit']);
  });

  it('with Redis stopped, still answer and limit, each instance in its own memory', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await ownRedis!.stop();
    await askUpTo(a, LISTING, agent('offline'), 3);
    refused(await ask(a, LISTING, agent('offline')));
    answered(await ask(b, LISTING, agent('offline')));
  });
});

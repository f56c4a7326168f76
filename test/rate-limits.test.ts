import { describe, expect, it } from 'vitest';
import { readGatewayConfig } from '../gateway/config.js';
import { RATE_LIMITS, rateLimitFor, type RateLimits } from '../policies/rate-limits.js';

/** Which limit holds an operation: reads for queries, actions for mutations, unless the operation has its own. */
const LIMITS: RateLimits = {
  reads: { points: 60, windowSeconds: 60 },
  actions: { points: 10, windowSeconds: 60 },
  operations: { PlaceOrder: { points: 2, windowSeconds: 60 } },
};

describe('the rate limit of an operation', () => {
  it('is `reads` for a query and `actions` for a mutation, by default 60 and 10 a minute', () => {
    expect(rateLimitFor(RATE_LIMITS, 'query', 'ProductListing')).toEqual({ kind: 'reads', operation: 'ProductListing', limit: { points: 60, windowSeconds: 60 } });
    expect(rateLimitFor(RATE_LIMITS, 'mutation', 'AddToCart')).toEqual({ kind: 'actions', operation: 'AddToCart', limit: { points: 10, windowSeconds: 60 } });
  });

  it("is the operation's own when it has one, whatever its type", () => {
    expect(rateLimitFor(LIMITS, 'mutation', 'PlaceOrder')).toEqual({ kind: 'operation', operation: 'PlaceOrder', limit: { points: 2, windowSeconds: 60 } });
    expect(rateLimitFor(LIMITS, 'query', 'PlaceOrder').kind).toBe('operation');
  });

  it('counts an unnamed operation as `anonymous`', () => {
    expect(rateLimitFor(LIMITS, 'query', undefined)).toMatchObject({ kind: 'reads', operation: 'anonymous' });
  });

  it('takes no limit from names every object has', () => {
    expect(rateLimitFor(LIMITS, 'query', 'constructor')).toMatchObject({ kind: 'reads', operation: 'constructor' });
  });
});

describe("the gateway's rate-limit configuration", () => {
  const read = (env: NodeJS.ProcessEnv) => readGatewayConfig([], { NODE_ENV: 'test', ...env });

  it('is on by default, off with RATE_LIMITS=off, and counts in REDIS_URL with the cache on or off', () => {
    expect(read({})).toMatchObject({ rateLimits: true, redisUrl: undefined });
    expect(read({ RATE_LIMITS: 'off' }).rateLimits).toBe(false);
    expect(read({ CACHE: 'off', REDIS_URL: 'redis://127.0.0.1:6379' })).toMatchObject({ cache: null, rateLimits: true, redisUrl: 'redis://127.0.0.1:6379' });
  });

  it('refuses any other value', () => {
    expect(() => read({ RATE_LIMITS: 'sometimes' })).toThrow(/RATE_LIMITS/);
  });
});

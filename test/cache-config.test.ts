import { describe, expect, it } from 'vitest';
import { invalidationSecretFor } from '../gateway/cache/invalidation-secret.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES, DEFAULT_SOFT_TIMEOUT_MS } from '../gateway/cache/useCache.js';
import { readGatewayConfig } from '../gateway/config.js';
import { ConfigError } from '../lib/config.js';
import { randomSecret } from '../lib/signing/development-secret.js';

const read = (env: NodeJS.ProcessEnv, argv: string[] = []) => readGatewayConfig(argv, { NODE_ENV: 'test', ...env });

describe("the gateway's cache configuration", () => {
  it('is on by default, memory only, with the default bounds', () => {
    expect(read({}).cache).toEqual({ maxEntries: DEFAULT_MAX_ENTRIES, maxBytes: DEFAULT_MAX_BYTES, softTimeoutMs: DEFAULT_SOFT_TIMEOUT_MS, redisUrl: undefined });
  });

  it('reads CACHE (or --cache), its bounds, its soft timeout and REDIS_URL', () => {
    const env = { CACHE_MAX_ENTRIES: '500', CACHE_MAX_BYTES: '1048576', CACHE_SOFT_TIMEOUT_MS: '250', REDIS_URL: 'redis://:secret@cache.internal:6380/2' };
    expect(read(env).cache).toEqual({ maxEntries: 500, maxBytes: 1_048_576, softTimeoutMs: 250, redisUrl: 'redis://:secret@cache.internal:6380/2' });
    expect(read({ CACHE: 'off' }).cache).toBeNull();
    expect(read({ CACHE: 'on' }, ['--cache', 'off']).cache).toBeNull();
  });

  it('names every bad value at once, never echoing a Redis URL', () => {
    const env = { CACHE: 'maybe', CACHE_MAX_ENTRIES: '0', CACHE_MAX_BYTES: 'lots', REDIS_URL: 'http://user:hunter2@cache.internal' };
    const error = (() => {
      try {
        read(env);
      } catch (caught) {
        return caught as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((problem) => problem.split(' ')[0])).toEqual(['CACHE', 'CACHE_MAX_ENTRIES', 'CACHE_MAX_BYTES', 'REDIS_URL']);
    expect(error!.message).not.toContain('hunter2');
  });
});

describe('the invalidation secret', () => {
  const secret = randomSecret();
  const config = (environment: string, env: NodeJS.ProcessEnv = {}) => read({ NODE_ENV: environment, ...env });

  it('is what INVALIDATION_SECRET says, at least 32 characters', async () => {
    expect(await invalidationSecretFor(config('production', { INVALIDATION_SECRET: secret }))).toBe(secret);
    await expect(invalidationSecretFor(config('production', { INVALIDATION_SECRET: 'short' }))).rejects.toThrow(ConfigError);
  });

  it('is required in production when the route is how invalidations arrive (cache on, no Redis)', async () => {
    await expect(invalidationSecretFor(config('production'))).rejects.toThrow(/INVALIDATION_SECRET .*is required/);
    expect(await invalidationSecretFor(config('production', { REDIS_URL: 'redis://127.0.0.1:6379' }))).toBeUndefined();
    expect(await invalidationSecretFor(config('production', { CACHE: 'off' }))).toBeUndefined();
  });

  it('leaves a test gateway without the route unless one is set', async () => {
    expect(await invalidationSecretFor(config('test'))).toBeUndefined();
  });
});

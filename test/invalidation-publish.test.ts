import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../lib/config.js';
import { INVALIDATION_SETTINGS, publisherFromSettings } from '../lib/invalidation/publisher-settings.js';
import { randomSecret } from '../lib/signing/development-secret.js';
import { readSharedSecret } from '../lib/signing/shared-secret.js';

describe('how a subgraph publishes, from its environment', () => {
  it('without REDIS_URL, to the gateway at GATEWAY_URL (see the e2e tests for Redis)', async () => {
    const http = await publisherFromSettings(readConfig(INVALIDATION_SETTINGS, { INVALIDATION_SECRET: randomSecret() }), false);
    expect(http.report().via).toBe('http');
  });

  it('refuses a REDIS_URL that is not a redis:// URL', () => {
    expect(() => readConfig(INVALIDATION_SETTINGS, { REDIS_URL: 'http://127.0.0.1:6379' })).toThrow('REDIS_URL must be a redis:// or rediss:// URL');
  });

  it('needs INVALIDATION_SECRET outside development when it posts to the gateway', async () => {
    await expect(publisherFromSettings(readConfig(INVALIDATION_SETTINGS, {}), false)).rejects.toThrow(ConfigError);
  });
});

describe('a shared signing secret', () => {
  it('is the configured one, at least 32 characters', async () => {
    const secret = randomSecret();
    expect(await readSharedSecret('WEBHOOK_SECRET', secret, false)).toBe(secret);
    await expect(readSharedSecret('WEBHOOK_SECRET', 'short', true)).rejects.toThrow('WEBHOOK_SECRET must be at least 32 characters');
  });

  it('is required in production and test, and generated once per checkout in development', async () => {
    await expect(readSharedSecret('INVALIDATION_SECRET', undefined, false)).rejects.toThrow(
      /^Invalid configuration:\n {2}- INVALIDATION_SECRET \(at least 32 characters\) is required; with NODE_ENV=development one is generated in .*\.data\/invalidation-secret$/,
    );
    const generated = await readSharedSecret('INVALIDATION_SECRET', undefined, true);
    expect(generated).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await readSharedSecret('INVALIDATION_SECRET', '', true)).toBe(generated);
  });
});

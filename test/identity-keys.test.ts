import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { claimsOf } from '../gateway/identity/claims.js';
import { randomSecret } from '../gateway/identity/development-secret.js';
import { readTokenKeys } from '../gateway/identity/keys.js';
import { useIdentity } from '../gateway/identity/useIdentity.js';
import { ConfigError } from '../lib/config.js';

/** Token keys from configuration: a real issuer's public key, or a shared secret; never a default outside development. */
describe('token keys', () => {
  it('verifies tokens of an issuer whose public key is configured (ES256)', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const keys = await readTokenKeys({ AUTH_JWT_PUBLIC_KEY: await exportSPKI(publicKey), AUTH_JWT_ALGORITHM: 'ES256' });
    const token = await new SignJWT(claimsOf({ kind: 'agent', id: 'bot', scopes: ['pii:read'], onBehalfOf: 'C0001' }))
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(keys.issuer)
      .setAudience(keys.audience)
      .setExpirationTime('5m')
      .sign(privateKey);
    const principal = await useIdentity({ keys })(`Bearer ${token}`);
    expect(principal).toEqual({ kind: 'agent', id: 'bot', scopes: ['pii:read'], onBehalfOf: 'C0001' });
    expect(keys.signingSecret).toBeUndefined();
  });

  it('refuses an HS256 token when a public key is configured (no algorithm confusion)', async () => {
    const { publicKey } = await generateKeyPair('ES256');
    const keys = await readTokenKeys({ AUTH_JWT_PUBLIC_KEY: await exportSPKI(publicKey), AUTH_JWT_ALGORITHM: 'ES256' });
    const hs = await readTokenKeys({ AUTH_JWT_SECRET: randomSecret() });
    const token = await new SignJWT(claimsOf({ kind: 'customer', id: 'C0001' }))
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(hs.issuer)
      .setAudience(hs.audience)
      .setExpirationTime('5m')
      .sign(hs.signingSecret!);
    await expect(useIdentity({ keys })(`Bearer ${token}`)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('requires a configured key in production, which is also what no environment means', async () => {
    for (const refused of [readTokenKeys({}, 'production'), readTokenKeys({})]) {
      const error = await refused.catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/AUTH_JWT_SECRET .* or AUTH_JWT_PUBLIC_KEY .* is required in production/);
      expect((error as Error).message).not.toContain('development');
    }
  });

  it('requires a configured key in test, and says how development gets one', async () => {
    await expect(readTokenKeys({}, 'test')).rejects.toThrow(/AUTH_JWT_SECRET .* is required when NODE_ENV=test; with NODE_ENV=development/);
  });

  it('takes the environment from its caller, never from NODE_ENV', async () => {
    await expect(readTokenKeys({ NODE_ENV: 'development' })).rejects.toThrow('required in production');
  });

  it('refuses a short secret and a key that is not PEM', async () => {
    await expect(readTokenKeys({ AUTH_JWT_SECRET: 'short' })).rejects.toThrow('at least 32 characters');
    await expect(readTokenKeys({ AUTH_JWT_PUBLIC_KEY: 'not a key' })).rejects.toThrow('AUTH_JWT_PUBLIC_KEY');
  });
});

import { randomSecret } from '../../gateway/identity/development-secret.js';
import { readTokenKeys, type TokenKeys } from '../../gateway/identity/keys.js';
import { mintToken } from '../../gateway/identity/mint.js';
import type { Principal } from '../../policies/principal.js';

/**
 * The signing secret of this test process, random: no key in the source is ever accepted, by a test
 * gateway either. Processes a test starts (the gateway, `npm run token`) get it in their environment.
 */
export const TEST_TOKEN_ENV = { AUTH_JWT_SECRET: randomSecret() };

let keys: Promise<TokenKeys> | undefined;

/** The keys of every gateway a test starts in this process. */
export function testTokenKeys(): Promise<TokenKeys> {
  return (keys ??= readTokenKeys(TEST_TOKEN_ENV));
}

/** `Authorization` headers for a principal, signed as `npm run token` signs them. */
export async function authAs(principal: Principal): Promise<Record<string, string>> {
  if (principal.kind === 'anonymous') return {};
  return { authorization: `Bearer ${await mintToken(principal, await testTokenKeys())}` };
}

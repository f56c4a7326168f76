import { readTokenKeys } from '../../gateway/identity/keys.js';
import { mintToken } from '../../gateway/identity/mint.js';
import type { Principal } from '../../policies/principal.js';

/** `Authorization` headers for a principal, signed as `npm run token` signs them. */
export async function authAs(principal: Principal): Promise<Record<string, string>> {
  if (principal.kind === 'anonymous') return {};
  return { authorization: `Bearer ${await mintToken(principal, await readTokenKeys({}))}` };
}

import { SignJWT } from 'jose';
import type { Principal } from '../../policies/principal.js';
import { claimsOf } from './claims.js';
import type { TokenKeys } from './keys.js';

/** Signs a token for a principal with the shared secret (development tokens and tests). */
export async function mintToken(
  principal: Exclude<Principal, { kind: 'anonymous' }>,
  keys: TokenKeys,
  expiresIn: string | number = '1h',
): Promise<string> {
  if (!keys.signingSecret) throw new Error('tokens can only be minted with a shared secret (AUTH_JWT_SECRET)');
  return new SignJWT(claimsOf(principal))
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(keys.issuer)
    .setAudience(keys.audience)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(keys.signingSecret);
}

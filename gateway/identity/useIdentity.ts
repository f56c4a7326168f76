import { GraphQLError } from 'graphql';
import { errors as joseErrors, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { ErrorCode } from '../../lib/errors.js';
import { ANONYMOUS, type Principal } from '../../policies/principal.js';
import { principalOf, type PrincipalClaims } from './claims.js';
import type { TokenKeys } from './keys.js';

export interface IdentityOptions {
  keys: TokenKeys;
}

/** Tokens verified lately, each kept until it expires: a client sends the same token with every request. */
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Resolves the `Authorization` header to a principal. No header: the anonymous storefront.
 * A header that is present but not a valid bearer token is UNAUTHENTICATED (HTTP 401),
 * never a silent fall-back to anonymous.
 */
export function useIdentity({ keys }: IdentityOptions) {
  const verified = new LRUCache<string, Principal>({ max: VERIFIED_TOKENS_KEPT });
  return async function principalFor(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined || authorization === '') return ANONYMOUS;
    const token = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(authorization)?.[1];
    if (!token) throw unauthenticated('the Authorization header must be "Bearer <token>"');
    const known = verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify<PrincipalClaims>(token, keys.verificationKey, {
        issuer: keys.issuer,
        audience: keys.audience,
        algorithms: keys.algorithms,
        requiredClaims: ['exp', 'sub'],
      });
      const principal = principalOf(payload);
      verified.set(token, principal, { ttl: payload.exp! * 1000 - Date.now() });
      return principal;
    } catch (error) {
      throw unauthenticated(reasonOf(error));
    }
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'the token has expired';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'the token signature is not valid';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `the token's "${error.claim}" claim is not valid`;
  if (error instanceof joseErrors.JOSEError) return 'the token cannot be verified';
  return (error as Error).message;
}

function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError(`Unauthenticated: ${reason}`, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });
}

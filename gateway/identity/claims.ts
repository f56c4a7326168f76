import type { JWTPayload } from 'jose';
import type { Principal } from '../../policies/principal.js';

/**
 * How a principal travels in a JWT: `sub` is its id, `kind` its kind, staff carry `roles`,
 * agents an OAuth-style space-separated `scope` and optionally `on_behalf_of` (a customer id).
 */
export interface PrincipalClaims extends JWTPayload {
  kind?: unknown;
  roles?: unknown;
  scope?: unknown;
  on_behalf_of?: unknown;
}

export function claimsOf(principal: Exclude<Principal, { kind: 'anonymous' }>): PrincipalClaims {
  switch (principal.kind) {
    case 'customer':
      return { sub: principal.id, kind: 'customer' };
    case 'staff':
      return { sub: principal.id, kind: 'staff', roles: principal.roles };
    case 'agent':
      return {
        sub: principal.id,
        kind: 'agent',
        scope: principal.scopes.join(' '),
        ...(principal.onBehalfOf ? { on_behalf_of: principal.onBehalfOf } : {}),
      };
  }
}

/** Reads a verified token's claims; throws a message naming what is wrong. */
export function principalOf(claims: PrincipalClaims): Principal {
  const id = claims.sub;
  if (typeof id !== 'string' || id === '') throw new Error('token has no "sub"');
  switch (claims.kind) {
    case 'customer':
      return { kind: 'customer', id };
    case 'staff':
      if (!isStringList(claims.roles)) throw new Error('a staff token needs "roles": a list of strings');
      return { kind: 'staff', id, roles: claims.roles };
    case 'agent': {
      if (typeof claims.scope !== 'string') throw new Error('an agent token needs "scope": space-separated scopes');
      const onBehalfOf = claims.on_behalf_of;
      if (onBehalfOf !== undefined && (typeof onBehalfOf !== 'string' || onBehalfOf === '')) {
        throw new Error('"on_behalf_of" must be a customer id');
      }
      return { kind: 'agent', id, scopes: claims.scope.split(' ').filter(Boolean), onBehalfOf };
    }
    default:
      throw new Error('token "kind" must be customer, staff or agent');
  }
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

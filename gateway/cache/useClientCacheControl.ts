import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayCachePolicy } from '@apollo/server-gateway-interface';
import type { PolicyContext } from '../../policies/access/rule-kinds.js';
import type { Served } from './fetch-cache.js';

/**
 * What the gateway tells clients in its own `Cache-Control`. Apollo Server derives it from what each
 * fetch allowed: a shared cache (a CDN) may keep an answer only when every fetch in it was public and
 * fresh, and nobody but the anonymous principal asked. Anything else is `no-store`, never a staff or
 * customer answer in a shared cache.
 */
export function useClientCacheControl(): ApolloServerPlugin<PolicyContext> {
  return {
    requestDidStart: async ({ contextValue, overallCachePolicy }) => {
      if (contextValue.principal.kind !== 'anonymous') overallCachePolicy.restrict({ maxAge: 0 });
    },
  };
}

/** Narrows the answer's policy by one fetch: a private, stale or uncacheable fetch makes the whole answer `no-store`. */
export function restrictByFetch(policy: GatewayCachePolicy, { policy: fetched, ageSeconds, stale }: Served): void {
  const shareable = fetched?.scope === 'public' && !stale;
  policy.restrict(shareable ? { maxAge: Math.max(0, fetched.maxAgeSeconds - ageSeconds), scope: 'PUBLIC' } : { maxAge: 0 });
}

import { createHash } from 'node:crypto';
import type { Principal } from '../../policies/principal.js';

/** One subgraph fetch of a query plan, as the data source sends it (after the policy's rewrite). */
export interface SubgraphFetch {
  subgraph: string;
  query: string;
  variables: Record<string, unknown>;
  principal: Principal;
}

export interface FetchKeys {
  /** Where a `public` answer is kept: shared by every principal. */
  shared: string;
  /** Where a `private` answer is kept: this principal's alone; none for the anonymous principal. */
  personal?: string;
  /** Concurrent misses with this key make one subgraph call: a private answer is never handed to another principal. */
  flight: string;
}

/** `<subgraph>:<sha256 of document and variables>`, and `…:<sha256 of the principal>` for private answers. */
export function fetchKeys({ subgraph, query, variables, principal }: SubgraphFetch): FetchKeys {
  const shared = `${subgraph}:${sha256(stableJson([query, variables]))}`;
  const identity = principalIdentity(principal);
  if (identity === null) return { shared, flight: shared };
  const personal = `${shared}:${sha256(identity)}`;
  return { shared, personal, flight: personal };
}

/** Everything that tells principals apart; `null` for the anonymous one, who has nothing to key private data to. */
function principalIdentity(principal: Principal): string | null {
  switch (principal.kind) {
    case 'anonymous':
      return null;
    case 'customer':
      return stableJson([principal.kind, principal.id]);
    case 'staff':
      return stableJson([principal.kind, principal.id, [...principal.roles].sort()]);
    case 'agent':
      return stableJson([principal.kind, principal.id, principal.onBehalfOf ?? null, [...principal.scopes].sort()]);
  }
}

/** JSON with object keys sorted, so equal variables give equal keys whatever their order; array order is kept. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * How long a subgraph said its answer may be reused, from its `Cache-Control` (RFC 9111, with the
 * stale windows of RFC 5861) and which entities it holds, from its `Cache-Tag`.
 */
export interface CachePolicy {
  maxAgeSeconds: number;
  /** `private`: only for the principal who asked; never shared. */
  scope: 'public' | 'private';
  /** After max-age: served stale while one refresh runs. */
  staleWhileRevalidateSeconds: number;
  /** After max-age: served stale when the subgraph fails. */
  staleIfErrorSeconds: number;
  tags: string[];
}

/** No entry outlives this, whatever a subgraph says: it also bounds how long invalidations are remembered. */
export const MAX_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The response headers of a subgraph answer, as any fetch implementation gives them. */
export type ResponseHeaders = { get(name: string): string | null | undefined };

/**
 * The policy of a subgraph answer, or `null` when it must not be stored: no `Cache-Control`, `no-store`
 * or `no-cache`, or nothing to reuse it for (no max-age and no stale window).
 */
export function cachePolicyOf(headers: ResponseHeaders | undefined): CachePolicy | null {
  const directives = parseDirectives(headers?.get('cache-control'));
  if (!directives || directives.has('no-store') || directives.has('no-cache')) return null;
  const policy: CachePolicy = {
    maxAgeSeconds: seconds(directives.get('max-age')),
    scope: directives.has('private') ? 'private' : 'public',
    staleWhileRevalidateSeconds: seconds(directives.get('stale-while-revalidate')),
    staleIfErrorSeconds: seconds(directives.get('stale-if-error')),
    // Space-separated, as the subgraphs send it: a tag may hold a comma (`Availability:SKU-1,EU`).
    tags: headers?.get('cache-tag')?.split(/\s+/).filter(Boolean) ?? [],
  };
  return lifetimeMs(policy) > 0 ? policy : null;
}

/** How long an entry can be of any use after it was fetched: fresh, then the longer stale window. */
export function lifetimeMs(policy: CachePolicy): number {
  const seconds = policy.maxAgeSeconds + Math.max(policy.staleWhileRevalidateSeconds, policy.staleIfErrorSeconds);
  return Math.min(seconds * 1000, MAX_LIFETIME_MS);
}

/** Directive names (lower case) and their values (`true` when it has none); `undefined` without a header. */
function parseDirectives(header: string | null | undefined): Map<string, string | true> | undefined {
  if (!header) return undefined;
  const directives = new Map<string, string | true>();
  for (const part of header.split(',')) {
    const [name = '', value] = part.trim().split('=', 2);
    if (name) directives.set(name.toLowerCase(), value === undefined ? true : value.replace(/^"|"$/g, ''));
  }
  return directives;
}

/** A delta-seconds value; anything else is 0 (RFC 9111 §1.2.2: an invalid max-age means stale). */
function seconds(value: string | true | undefined): number {
  return typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : 0;
}

/**
 * An invalidation: the entity tags whose data changed (`Product:P0042`, `Stock:SKU-10001-01`). Every
 * cached entry that carries one of them is never served again, not even as stale. Subgraphs publish
 * them (after a write, or when their vendor reports a change); every gateway instance receives them.
 */
export interface Invalidation {
  tags: string[];
}

/** The Redis pub/sub channel, when `REDIS_URL` is set: every gateway instance subscribes. */
export const INVALIDATION_CHANNEL = 'commerce-control-plane:invalidations';

/** The gateway's route for signed invalidations, in the embedded default (no Redis): one gateway. */
export const INVALIDATION_ROUTE = '/internal/invalidations';

/** An entity tag: `Type:id`, the type as the supergraph names it. */
const TAG = /^[A-Za-z_][A-Za-z0-9_]*:[^\s]{1,256}$/;

/** The invalidation a body carries, or `null` when it is not one (never trusted before its signature is checked). */
export function parseInvalidation(body: string): Invalidation | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  const tags = (value as Partial<Invalidation> | null)?.tags;
  if (!Array.isArray(tags) || tags.length === 0 || tags.length > 1_000) return null;
  return tags.every((tag) => typeof tag === 'string' && TAG.test(tag)) ? { tags } : null;
}

export function entityTag(type: string, id: string): string {
  return `${type}:${id}`;
}

/**
 * The tag of every entity of a type (`Product:*`). An answer that names too many entities to list
 * carries it in place of theirs, so whoever publishes a change publishes it too: see `withTypeTags`.
 */
export function typeTag(type: string): string {
  return entityTag(type, '*');
}

/** Tags to publish for a change: each tag once, and the type tag of each (`Product:P0042` → also `Product:*`). */
export function withTypeTags(tags: readonly string[]): string[] {
  const types = tags.map((tag) => typeTag(tag.slice(0, tag.indexOf(':'))));
  return [...new Set([...tags, ...types])];
}

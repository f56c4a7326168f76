import { entityTag, typeTag } from '../invalidation/message.js';

/**
 * The longest `Cache-Tag` header a subgraph sends: room for a hundred or more tags, well under the
 * 16 KB of response headers Node's HTTP parser (and most proxies) accept.
 */
export const MAX_CACHE_TAG_HEADER_LENGTH = 4_096;

/** What an id in a tag may be: the header separates tags by spaces, and ids are at most 256 characters. */
const WRITABLE_ID = /^[^\s]{1,256}$/;

/**
 * The entity tags of one answer, collected while it resolves (`Product:P0042`, `Stock:SKU-10001-01`):
 * sent as its `Cache-Tag` header, so a gateway can drop what it cached when one of them changes.
 */
export class CacheTags {
  private readonly idsByType = new Map<string, Set<string>>();
  private readonly seenByType = new Map<string, WeakSet<object>>();

  /** Adds `Type:id`. An id no tag can carry is covered by the type's tag (`Type:*`). */
  add(type: string, id: string | number): void {
    const ids = this.idsByType.get(type) ?? new Set<string>();
    ids.add(WRITABLE_ID.test(String(id)) ? String(id) : '*');
    this.idsByType.set(type, ids);
  }

  /** Tags an object of an entity type once, by each of its keys (lists of fields) whose values it carries. */
  addEntity(type: string, keys: readonly (readonly string[])[], object: unknown): void {
    if (typeof object !== 'object' || object === null) return;
    const seen = this.seenByType.get(type) ?? new WeakSet<object>();
    if (seen.has(object)) return;
    seen.add(object);
    this.seenByType.set(type, seen);
    for (const fields of keys) {
      const values = fields.map((field) => (object as Record<string, unknown>)[field]);
      if (values.every((value) => typeof value === 'string' || typeof value === 'number')) this.add(type, values.join(','));
    }
  }

  /**
   * The header's value: every tag, space-separated. Past `maxLength` characters, the types with the
   * most tags are named by their type tag instead (`Product:*`), largest first, until it fits.
   */
  header(maxLength = MAX_CACHE_TAG_HEADER_LENGTH): string {
    const groups = [...this.idsByType].map(([type, ids]) => ({ type, tags: [...ids].map((id) => entityTag(type, id)) }));
    // Each tag counts its separator, so the header is one character shorter than the sum.
    let length = groups.reduce((sum, group) => sum + lengthOf(group.tags), 0) - 1;
    for (const group of [...groups].sort((a, b) => lengthOf(b.tags) - lengthOf(a.tags))) {
      if (length <= maxLength) break;
      const collapsed = [typeTag(group.type)];
      length += lengthOf(collapsed) - lengthOf(group.tags);
      group.tags = collapsed;
    }
    return groups.flatMap((group) => group.tags).join(' ');
  }
}

/** Characters the tags take in the header, with the space after each. */
function lengthOf(tags: readonly string[]): number {
  return tags.reduce((sum, tag) => sum + tag.length + 1, 0);
}

/**
 * A vendor that reports its own changes to its subgraph: it posts signed events to
 * `POST /webhooks/<vendor>`, and the subgraph publishes the tags of what changed. Implemented by the
 * vendor's adapter, which alone knows the vendor's event shapes and ids.
 */
export interface ChangeFeed {
  /** The vendor, as its route names it, e.g. `warehouse` for `POST /webhooks/warehouse`. */
  vendor: string;
  /**
   * The entity tags whose data the event says changed (none for an event that changes nothing cached).
   * Throws `MalformedEvent` for a body that is not one of the vendor's events.
   */
  tagsOf(event: unknown): string[];
}

/** A signed delivery whose body is not an event of its vendor. */
export class MalformedEvent extends Error {
  override name = 'MalformedEvent';
}

/** What kind of event this is, by the field the vendor names it with (`type`, `topic`): every event has one. */
export function kindOf(event: unknown, field: string): string {
  const kind = (event as Record<string, unknown> | null)?.[field];
  if (typeof kind !== 'string') throw new MalformedEvent(`no "${field}"`);
  return kind;
}

/** The ids an event names: the `field` of each item of `list` (found at `where`), at least one, each a string. */
export function idsIn(list: unknown, field: string, where: string): string[] {
  const ids = Array.isArray(list) ? list.map((item) => (item as Record<string, unknown> | null)?.[field]) : [];
  if (ids.length === 0 || !ids.every((id): id is string => typeof id === 'string')) throw new MalformedEvent(`no "${field}" in each of "${where}"`);
  return ids;
}

import type { SourceStock, StockPosition } from './adapter.js';

/**
 * Puts a source's answer in the order the keys were asked: `null` for keys it does not carry
 * (those in `missing`, or never sent because they cannot exist there), the key's positions otherwise.
 */
export function stockInOrder(
  keys: readonly (string | null)[],
  missing: readonly string[],
  positions: Iterable<readonly [string, StockPosition]>,
): SourceStock[] {
  const byKey = new Map<string, StockPosition[]>();
  for (const [key, position] of positions) {
    const list = byKey.get(key) ?? [];
    list.push(position);
    byKey.set(key, list);
  }
  const unknown = new Set(missing);
  return keys.map((key) => (key === null || unknown.has(key) ? null : (byKey.get(key) ?? [])));
}

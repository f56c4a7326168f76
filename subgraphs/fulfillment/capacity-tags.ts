import { entityTag } from '../../lib/invalidation/message.js';
import type { CacheTags } from '../../lib/subgraph/cache-tags.js';
import type { CapacityDay } from './adapter.js';

/**
 * Answers computed from a warehouse's shipping capacity (its calendar, the delivery promises of its
 * region) are tagged `Warehouse:<id>` (`Warehouse:WH-EU-HAM`): a booking there changes them.
 */
const WAREHOUSE = 'Warehouse';

export function tagCapacityRead(cacheTags: CacheTags, days: readonly CapacityDay[]): void {
  for (const warehouseId of new Set(days.map((day) => day.warehouseId))) cacheTags.add(WAREHOUSE, warehouseId);
}

export function changedCapacityTag(warehouseId: string): string {
  return entityTag(WAREHOUSE, warehouseId);
}

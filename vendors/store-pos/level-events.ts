import { randomUUID } from 'node:crypto';
import type { StockLevel } from './catalog.js';

/** The POS's webhook for store stock that changed (on hand or held), with the levels as they now are. */
export function levelsUpdatedEvent(levels: Iterable<StockLevel>) {
  return {
    topic: 'inventory_levels/update',
    webhook_id: randomUUID(),
    created_at: new Date().toISOString(),
    levels: [...levels].map(({ item_id, vendor_sku, store_id, qty_on_hand, qty_held }) => ({ item_id, vendor_sku, store_id, qty_on_hand, qty_held })),
  };
}

import { idsIn, kindOf, type ChangeFeed } from '../../lib/subgraph/change-feed.js';
import { changedStockTags } from './stock-tags.js';

/** The ERP's event type for stock that moved (on hand, allocated or safety stock of a material at a plant). */
const STOCK_CHANGED = 'erp.materialstock.changed.v1';

/**
 * The ERP's webhooks, CloudEvents as SAP's event mesh sends them: a stock change lists the rows that
 * changed in `data.stock`, each naming its material. Other event types change nothing cached.
 */
export const warehouseChangeFeed: ChangeFeed = {
  vendor: 'warehouse',
  tagsOf(event) {
    if (kindOf(event, 'type') !== STOCK_CHANGED) return [];
    const { data } = event as { data?: { stock?: unknown } };
    return changedStockTags(idsIn(data?.stock, 'material', 'data.stock').map(variantSkuOfMaterial));
  },
};

/** `000000000010001-01` → `SKU-10001-01`: the ERP pads our base sku's digits to 15. */
export function variantSkuOfMaterial(material: string): string {
  return `SKU-${material.replace(/^0+/, '')}`;
}

import { createVendorClient, type VendorConnection } from '../../lib/subgraph/vendor-client.js';
import type { Region, StockPosition, StockSourceAdapter } from './adapter.js';
import { stockInOrder } from './source-stock.js';

/** A product of the partner's availability batch (`POST /v1/inventory/batch`). */
interface PartnerProduct {
  merchant_sku: string;
  merchant_parent_sku: string;
  availability: { region: string; available_to_promise: number; lead_time_days: number }[];
}

/**
 * Drop-ship stock from the partner: available-to-promise per region with a lead time. The
 * partner maps our skus to its own and takes no reservations, so this source has no holds.
 */
export function createDropshipAdapter(connection: VendorConnection): StockSourceAdapter {
  const client = createVendorClient({ vendor: 'dropship', ...connection });

  async function batch(region: Region, field: 'merchant_skus' | 'merchant_parent_skus', keys: readonly string[], keyOf: (product: PartnerProduct) => string) {
    if (keys.length === 0) return [];
    const answer = await client.post<{ products: PartnerProduct[]; unknown_skus: string[] }>('/v1/inventory/batch', { [field]: keys, region });
    const positions = answer.products.flatMap((product) => product.availability.map((atp) => [keyOf(product), toPosition(product, atp)] as const));
    return stockInOrder(keys, answer.unknown_skus, positions);
  }

  return {
    source: 'DROPSHIP',
    stockOfVariants: (region, skus) => batch(region, 'merchant_skus', skus, (product) => product.merchant_sku),
    stockOfProducts: (region, skus) => batch(region, 'merchant_parent_skus', skus, (product) => product.merchant_parent_sku),
    holds: null,
    changes: null,
  };
}

function toPosition(product: PartnerProduct, atp: PartnerProduct['availability'][number]): StockPosition {
  return {
    variantSku: product.merchant_sku,
    source: 'DROPSHIP',
    locationId: atp.region,
    available: Math.max(0, atp.available_to_promise),
    reserved: 0,
    safetyStock: 0,
    leadTimeDays: atp.lead_time_days,
  };
}

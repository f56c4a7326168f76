import { createVendorClient, type VendorConnection } from '../../lib/subgraph/vendor-client.js';
import type { Region, SourceHold, StockPosition, StockSourceAdapter } from './adapter.js';
import { stockInOrder } from './source-stock.js';
import { storePosChangeFeed } from './store-pos-events.js';

/** An item of the POS search answer (`POST /api/v2/inventory/search`). */
interface PosItem {
  item_id: number;
  vendor_sku: string;
  levels: { store_id: number; qty_on_hand: number; qty_held: number }[];
}

interface PosHold {
  hold_id: string | null;
  status: 'active' | 'released' | 'rejected';
  lines: { vendor_sku: string; store_id: number; qty: number }[];
}

/**
 * Store stock from the POS. Its `vendor_sku` is our variant sku, so a product's variants are the
 * items with the prefix `<base sku>-`. Sellable = on hand − held; reservations are click & collect
 * holds under our reservation's reference (the POS places one hold per reference).
 */
export function createStorePosAdapter(connection: VendorConnection): StockSourceAdapter {
  const client = createVendorClient({ vendor: 'store-pos', ...connection });

  async function search(region: Region, field: 'vendor_skus' | 'vendor_sku_prefixes', keys: string[], keyOf: (item: PosItem) => string) {
    if (keys.length === 0) return [];
    const answer = await client.post<{ data: PosItem[]; not_found: string[] }>('/api/v2/inventory/search', { [field]: keys, region });
    const positions = answer.data.flatMap((item) => item.levels.map((level) => [keyOf(item), toPosition(item, level)] as const));
    return stockInOrder(keys, answer.not_found, positions);
  }

  return {
    source: 'STORE',
    stockOfVariants: (region, skus) => search(region, 'vendor_skus', [...skus], (item) => item.vendor_sku),
    stockOfProducts: (region, skus) =>
      search(region, 'vendor_sku_prefixes', skus.map((sku) => `${sku}-`), (item) => item.vendor_sku.slice(0, item.vendor_sku.lastIndexOf('-') + 1)),
    holds: {
      async place(request) {
        const lines = request.lines.map((line) => ({ vendor_sku: request.variantSku, store_id: Number(line.locationId), qty: line.quantity }));
        const answer = await client.post<PosHold>('/api/v2/holds', { reference: request.reference, lines });
        return answer.status === 'rejected' ? null : toHold(answer);
      },
      async find(reference) {
        const { data } = await client.get<{ data: PosHold[] }>('/api/v2/holds', { reference });
        return data[0] ? toHold(data[0]) : null;
      },
      async release(reference) {
        const answer = await client.post<{ released: boolean; hold: PosHold | null }>('/api/v2/holds/release', { reference });
        return answer.released ? toHold(answer.hold!).variantSku : null;
      },
    },
    changes: storePosChangeFeed,
  };
}

function toHold(hold: PosHold): SourceHold {
  return {
    variantSku: hold.lines[0]!.vendor_sku,
    active: hold.status === 'active',
    lines: hold.lines.map((line) => ({ locationId: String(line.store_id), quantity: line.qty })),
  };
}

function toPosition(item: PosItem, level: PosItem['levels'][number]): StockPosition {
  return {
    variantSku: item.vendor_sku,
    source: 'STORE',
    locationId: String(level.store_id),
    available: Math.max(0, level.qty_on_hand - level.qty_held),
    reserved: level.qty_held,
    safetyStock: 0,
    leadTimeDays: null,
  };
}

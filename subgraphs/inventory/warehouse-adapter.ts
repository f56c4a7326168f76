import { createVendorClient, type VendorConnection } from '../../lib/subgraph/vendor-client.js';
import type { HoldRequest, Region, SourceStock, StockPosition, StockSourceAdapter } from './adapter.js';
import { stockInOrder } from './source-stock.js';
import { variantSkuOfMaterial, warehouseChangeFeed } from './warehouse-events.js';

/** A stock row of the ERP (`POST /erp/v1/stock/query`). */
interface ErpStockRow {
  material: string;
  generic_article: string;
  plant: string;
  on_hand: number;
  allocated: number;
  safety_stock: number;
}

interface ErpAllocation {
  allocation_id: string | null;
  status: 'OPEN' | 'CANCELLED' | 'REJECTED';
  items: { material: string }[];
}

/**
 * Warehouse stock from the ERP. Its generic article is our base sku's digits padded to 15
 * (`SKU-10001` → `000000000010001`); a material is that plus the variant suffix (`…10001-01`).
 * Sellable = on hand − allocated − safety stock; reservations are ERP allocations.
 */
export function createWarehouseAdapter(connection: VendorConnection): StockSourceAdapter {
  const client = createVendorClient({ vendor: 'warehouse', ...connection });

  async function query(region: Region, field: 'materials' | 'generic_articles', keys: (string | null)[], keyOf: (row: ErpStockRow) => string) {
    const asked = keys.filter((key): key is string => key !== null);
    if (asked.length === 0) return keys.map(() => null);
    const answer = await client.post<{ results: ErpStockRow[]; missing: string[] }>('/erp/v1/stock/query', { [field]: asked, region });
    return stockInOrder(keys, answer.missing, answer.results.map((row) => [keyOf(row), toPosition(row)] as const));
  }

  return {
    source: 'WAREHOUSE',
    stockOfVariants: (region, skus): Promise<SourceStock[]> =>
      query(region, 'materials', skus.map(materialOf), (row) => row.material),
    stockOfProducts: (region, skus): Promise<SourceStock[]> =>
      query(region, 'generic_articles', skus.map(genericArticleOf), (row) => row.generic_article),
    holds: {
      async place(request: HoldRequest) {
        const material = materialOf(request.variantSku);
        if (material === null) return null;
        const items = request.lines.map((line) => ({ material, plant: line.locationId, quantity: line.quantity }));
        const answer = await client.post<ErpAllocation>('/erp/v1/allocations', { reference: request.reference, items });
        return answer.status === 'OPEN' ? answer.allocation_id : null;
      },
      async release(allocationId) {
        const path = `/erp/v1/allocations/${encodeURIComponent(allocationId)}`;
        const allocation = await client.find<ErpAllocation>(path);
        if (allocation?.status !== 'OPEN') return null;
        const cancelled = await client.post<ErpAllocation>(`${path}/cancel`, {});
        return variantSkuOfMaterial(cancelled.items[0]!.material);
      },
    },
    changes: warehouseChangeFeed,
  };
}

function toPosition(row: ErpStockRow): StockPosition {
  return {
    variantSku: variantSkuOfMaterial(row.material),
    source: 'WAREHOUSE',
    locationId: row.plant,
    available: Math.max(0, row.on_hand - row.allocated - row.safety_stock),
    reserved: row.allocated,
    safetyStock: row.safety_stock,
    leadTimeDays: null,
  };
}

function genericArticleOf(productSku: string): string | null {
  const match = /^SKU-(\d{1,15})$/.exec(productSku);
  return match ? match[1]!.padStart(15, '0') : null;
}

function materialOf(variantSku: string): string | null {
  const match = /^(SKU-\d{1,15})(-\d{2})$/.exec(variantSku);
  return match ? `${genericArticleOf(match[1]!)}${match[2]}` : null;
}

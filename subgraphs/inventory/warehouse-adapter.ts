import { createVendorClient, type VendorConnection } from '../../lib/subgraph/vendor-client.js';
import type { HoldRequest, Region, SourceHold, SourceStock, StockPosition, StockSourceAdapter } from './adapter.js';
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
  items: { material: string; plant: string; quantity: number }[];
}

/**
 * Warehouse stock from the ERP. Its generic article is our base sku's digits padded to 15
 * (`SKU-10001` → `000000000010001`); a material is that plus the variant suffix (`…10001-01`).
 * Sellable = on hand − allocated − safety stock; reservations are ERP allocations, whose external
 * reference is our reservation's reference (the ERP makes one allocation per reference).
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
        return answer.status === 'REJECTED' ? null : toHold(answer);
      },
      async find(reference) {
        const { results } = await client.get<{ results: ErpAllocation[] }>('/erp/v1/allocations', { reference });
        return results[0] ? toHold(results[0]) : null;
      },
      async release(reference) {
        const answer = await client.post<{ status: string; allocation: ErpAllocation | null }>('/erp/v1/allocations/cancel', { reference });
        return answer.status === 'CANCELLED' ? toHold(answer.allocation!).variantSku : null;
      },
    },
    changes: warehouseChangeFeed,
  };
}

function toHold(allocation: ErpAllocation): SourceHold {
  return {
    variantSku: variantSkuOfMaterial(allocation.items[0]!.material),
    active: allocation.status === 'OPEN',
    lines: allocation.items.map((item) => ({ locationId: item.plant, quantity: item.quantity })),
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

import type { Region, SeedData } from '../seed/index.js';

/** A plant (distribution centre) of the ERP, with the sales region it serves. */
export interface Plant {
  plant: string;
  name: string;
  region: Region;
}

/** One material's stock at one plant, in base unit EA. Mutable: allocations change `allocated`. */
export interface StockRow {
  material: string;
  generic_article: string;
  plant: string;
  region: Region;
  on_hand: number;
  allocated: number;
  safety_stock: number;
  base_unit: 'EA';
}

/** The ERP's view of the seed: plants, stock rows and the indexes its API answers from. */
export interface WarehouseState {
  plants: Map<string, Plant>;
  rows: StockRow[];
  rowsByMaterial: Map<string, StockRow[]>;
  materialsByArticle: Map<string, string[]>;
}

/** Plants are numbered like an SAP client's: 1010, 1020, … in the order of the seed's warehouses. */
export function plantCodes(data: SeedData): Map<string, string> {
  return new Map(data.warehouses.map((warehouse, i) => [warehouse.id, String(1010 + i * 10)]));
}

/** `SKU-10001` → generic article `000000000010001` (the merchant's digits padded to 15). */
export function genericArticleOf(baseSku: string): string {
  return baseSku.replace(/^SKU-/, '').padStart(15, '0');
}

/** `SKU-10001-01` → material `000000000010001-01` (generic article + variant suffix, 18 chars). */
export function materialOf(variantSku: string): string {
  const cut = variantSku.lastIndexOf('-');
  return `${genericArticleOf(variantSku.slice(0, cut))}${variantSku.slice(cut)}`;
}

export function createWarehouseState(data: SeedData): WarehouseState {
  const codes = plantCodes(data);
  const plants = new Map<string, Plant>();
  for (const warehouse of data.warehouses) {
    const plant = codes.get(warehouse.id)!;
    plants.set(plant, { plant, name: warehouse.name, region: warehouse.region });
  }
  const state: WarehouseState = { plants, rows: [], rowsByMaterial: new Map(), materialsByArticle: new Map() };
  for (const product of data.products) {
    state.materialsByArticle.set(genericArticleOf(product.sku), product.variants.map((v) => materialOf(v.sku)));
  }
  for (const stock of data.warehouseStock) {
    const plant = plants.get(codes.get(stock.warehouseId)!)!;
    const material = materialOf(stock.variantSku);
    const row: StockRow = {
      material,
      generic_article: material.slice(0, 15),
      plant: plant.plant,
      region: plant.region,
      on_hand: stock.onHand,
      allocated: stock.allocated,
      safety_stock: stock.safetyStock,
      base_unit: 'EA',
    };
    state.rows.push(row);
    const rows = state.rowsByMaterial.get(material) ?? [];
    rows.push(row);
    state.rowsByMaterial.set(material, rows);
  }
  return state;
}

/** Unrestricted stock that can still be allocated: on hand minus allocations minus the safety stock. */
export function freeToAllocate(row: StockRow): number {
  return Math.max(0, row.on_hand - row.allocated - row.safety_stock);
}

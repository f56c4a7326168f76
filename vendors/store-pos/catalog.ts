import type { Region, SeedData } from '../seed/index.js';

/** A store of the POS, numbered by the POS itself. */
export interface PosStore {
  store_id: number;
  name: string;
  region: Region;
}

/** One item's stock at one store. Mutable: holds change `qty_held`. */
export interface StockLevel {
  item_id: number;
  vendor_sku: string;
  store_id: number;
  qty_on_hand: number;
  qty_held: number;
}

/** A sellable item of the POS catalog; `vendor_sku` is the merchant's variant sku. */
export interface PosItem {
  item_id: number;
  vendor_sku: string;
  levels: Map<number, StockLevel>;
}

export interface PosCatalog {
  stores: Map<number, PosStore>;
  items: Map<number, PosItem>;
  itemsBySku: Map<string, PosItem>;
  /** Every `vendor_sku`, sorted, so a prefix search is a binary search plus the matches. */
  sortedSkus: string[];
  levels: StockLevel[];
}

/** Store numbers start at 101, in the order of the seed's stores. */
export function storeNumbers(data: SeedData): Map<string, number> {
  return new Map(data.stores.map((store, i) => [store.id, 101 + i]));
}

export function createPosCatalog(data: SeedData): PosCatalog {
  const numbers = storeNumbers(data);
  const stores = new Map<number, PosStore>();
  for (const store of data.stores) {
    const storeId = numbers.get(store.id)!;
    stores.set(storeId, { store_id: storeId, name: store.name, region: store.region });
  }
  const catalog: PosCatalog = { stores, items: new Map(), itemsBySku: new Map(), sortedSkus: [], levels: [] };
  let nextItemId = 300001;
  for (const variant of data.products.flatMap((product) => product.variants)) {
    const item: PosItem = { item_id: nextItemId++, vendor_sku: variant.sku, levels: new Map() };
    catalog.items.set(item.item_id, item);
    catalog.itemsBySku.set(item.vendor_sku, item);
  }
  for (const stock of data.storeStock) {
    const item = catalog.itemsBySku.get(stock.variantSku)!;
    const level: StockLevel = {
      item_id: item.item_id,
      vendor_sku: item.vendor_sku,
      store_id: numbers.get(stock.storeId)!,
      qty_on_hand: stock.onHand,
      qty_held: stock.held,
    };
    item.levels.set(level.store_id, level);
    catalog.levels.push(level);
  }
  catalog.sortedSkus = [...catalog.itemsBySku.keys()].sort();
  return catalog;
}

/** Items whose `vendor_sku` starts with `prefix`. */
export function itemsWithPrefix(catalog: PosCatalog, prefix: string): PosItem[] {
  const skus = catalog.sortedSkus;
  let low = 0;
  let high = skus.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (skus[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const found: PosItem[] = [];
  for (let i = low; i < skus.length && skus[i]!.startsWith(prefix); i++) found.push(catalog.itemsBySku.get(skus[i]!)!);
  return found;
}

/** An item as the API shows it, with its levels (optionally only the stores of one region). */
export function presentItem(catalog: PosCatalog, item: PosItem, region?: string) {
  const levels = [...item.levels.values()]
    .map(({ store_id, qty_on_hand, qty_held }) => ({ store_id, region: catalog.stores.get(store_id)!.region, qty_on_hand, qty_held }))
    .filter((level) => region === undefined || level.region === region);
  return { item_id: item.item_id, vendor_sku: item.vendor_sku, levels };
}

export function availableToHold(level: StockLevel): number {
  return Math.max(0, level.qty_on_hand - level.qty_held);
}

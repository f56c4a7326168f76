import type { SeedData, SeedProduct, SeedStore, SeedWarehouse } from './types.js';
import { pad, type SeededRandom } from './random.js';

export const WAREHOUSES: SeedWarehouse[] = [
  { id: 'WH-EU-HAM', name: 'Hamburg DC', region: 'EU', dailyCapacity: 1800 },
  { id: 'WH-EU-LYS', name: 'Lyon DC', region: 'EU', dailyCapacity: 900 },
  { id: 'WH-US-MEM', name: 'Memphis DC', region: 'US', dailyCapacity: 2400 },
  { id: 'WH-UK-CVT', name: 'Coventry DC', region: 'UK', dailyCapacity: 700 },
];

export const STORES: SeedStore[] = [
  ...['Berlin', 'Munich', 'Paris', 'Amsterdam', 'Vienna', 'Milan'].map((city, i) => store(i + 1, city, 'EU' as const)),
  ...['New York', 'Chicago', 'Austin', 'Seattle'].map((city, i) => store(i + 7, city, 'US' as const)),
  ...['London', 'Manchester'].map((city, i) => store(i + 11, city, 'UK' as const)),
];

function store(number: number, city: string, region: SeedStore['region']): SeedStore {
  return { id: `ST-${pad(number, 3)}`, name: `${city} flagship`, region };
}

type Stock = Pick<SeedData, 'warehouseStock' | 'storeStock' | 'dropshipStock'>;

export function generateStock(random: SeededRandom, products: SeedProduct[]): Stock {
  const { en } = random;
  const stock: Stock = { warehouseStock: [], storeStock: [], dropshipStock: [] };
  for (const product of products) {
    const dropshipped = en.datatype.boolean(0.3);
    for (const { sku: variantSku } of product.variants) {
      for (const warehouse of WAREHOUSES) {
        const onHand = en.datatype.boolean(0.15) ? 0 : en.number.int({ min: 1, max: 200 });
        stock.warehouseStock.push({
          variantSku,
          warehouseId: warehouse.id,
          onHand,
          allocated: en.number.int({ min: 0, max: Math.min(onHand, 20) }),
          safetyStock: en.number.int({ min: 0, max: 10 }),
        });
      }
      for (const { id: storeId } of STORES.filter(() => en.datatype.boolean(0.5))) {
        const onHand = en.number.int({ min: 0, max: 15 });
        stock.storeStock.push({ variantSku, storeId, onHand, held: en.number.int({ min: 0, max: Math.min(onHand, 2) }) });
      }
      if (dropshipped) {
        for (const region of ['EU', 'US'] as const) {
          stock.dropshipStock.push({
            variantSku,
            region,
            available: en.number.int({ min: 0, max: 500 }),
            leadTimeDays: en.number.int({ min: 3, max: 10 }),
          });
        }
      }
    }
  }
  return stock;
}

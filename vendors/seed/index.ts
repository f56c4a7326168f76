import { generateCarts, generateOrders, generatePromotions } from './commerce.js';
import { generateCatalog } from './catalog.js';
import { generateCustomers } from './customers.js';
import { CARRIERS } from './carriers.js';
import { seededRandom } from './random.js';
import { STORES, WAREHOUSES, generateStock } from './stock.js';
import type { SeedData } from './types.js';

export * from './types.js';

export const DEFAULT_SEED = 20261124;
export const PRODUCT_COUNT = 500;
export const CUSTOMER_COUNT = 2000;

/** Generates the whole data set; the same seed always gives the same data. */
export function generateSeedData(seed = DEFAULT_SEED): SeedData {
  const random = seededRandom(seed);
  const products = generateCatalog(random, PRODUCT_COUNT);
  const customers = generateCustomers(random, CUSTOMER_COUNT);
  return {
    products,
    customers,
    carts: generateCarts(random, customers, products),
    orders: generateOrders(random, customers, products),
    promotions: generatePromotions(random, products),
    warehouses: WAREHOUSES,
    stores: STORES,
    carriers: CARRIERS,
    ...generateStock(random, products),
  };
}

let shared: SeedData | undefined;

/** The default data set, generated once per process and shared by the simulators in it. */
export function seedData(): SeedData {
  shared ??= generateSeedData();
  return shared;
}

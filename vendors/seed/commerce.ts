import type { OrderStatus, SeedCart, SeedCustomer, SeedLine, SeedOrder, SeedProduct, SeedPromotion } from './types.js';
import { pad, type SeededRandom } from './random.js';

const ORDER_STATUSES: OrderStatus[] = ['PLACED', 'PAID', 'SHIPPED', 'DELIVERED', 'DELIVERED', 'DELIVERED', 'CANCELLED', 'RETURNED'];
/** The first customers always have a cart and orders, so documented examples work. */
const GUARANTEED_CUSTOMERS = 10;

export function generateCarts(random: SeededRandom, customers: SeedCustomer[], products: SeedProduct[]): SeedCart[] {
  return customers
    .filter((_, index) => index < GUARANTEED_CUSTOMERS || random.en.datatype.boolean(0.4))
    .map((customer) => ({
      id: `CART-${customer.id}`,
      customerId: customer.id,
      region: customer.addresses[0]!.region,
      items: lines(random, products, 4),
      updatedAt: random.en.date.between({ from: '2026-10-01T00:00:00Z', to: '2026-11-20T00:00:00Z' }).toISOString(),
    }));
}

export function generateOrders(random: SeededRandom, customers: SeedCustomer[], products: SeedProduct[]): SeedOrder[] {
  const byId = new Map(products.map((product) => [product.id, product]));
  const orders: SeedOrder[] = [];
  customers.forEach((customer, index) => {
    const count = random.en.number.int({ min: index < GUARANTEED_CUSTOMERS ? 1 : 0, max: 5 });
    for (let i = 0; i < count; i += 1) {
      const region = customer.addresses[0]!.region;
      orders.push({
        id: `O${pad(orders.length + 1, 6)}`,
        customerId: customer.id,
        region,
        status: random.en.helpers.arrayElement(ORDER_STATUSES),
        placedAt: random.en.date.between({ from: '2025-01-01T00:00:00Z', to: '2026-10-31T00:00:00Z' }).toISOString(),
        lines: lines(random, products, 3).map((line) => ({
          ...line,
          unitPrice: byId.get(line.productId)!.prices[region].list,
        })),
      });
    }
  });
  return orders;
}

export function generatePromotions(random: SeededRandom, products: SeedProduct[]): SeedPromotion[] {
  const categories = [...new Set(products.flatMap((product) => product.categories))].sort();
  return Array.from({ length: 20 }, (_, index) => {
    const category = random.en.datatype.boolean(0.7) ? random.en.helpers.arrayElement(categories) : null;
    const percentOff = random.en.helpers.arrayElement([5, 10, 15, 20, 25, 30]);
    return {
      id: `PROMO-${pad(index + 1, 3)}`,
      code: `SAVE${percentOff}-${pad(index + 1, 3)}`,
      name: `${percentOff}% off ${category ?? 'everything'}`,
      percentOff,
      category,
      validFrom: '2026-11-01T00:00:00.000Z',
      validTo: random.en.helpers.arrayElement(['2026-12-31T23:59:59.000Z', '2027-01-31T23:59:59.000Z']),
    };
  });
}

function lines(random: SeededRandom, products: SeedProduct[], max: number): SeedLine[] {
  return random.en.helpers.arrayElements(products, { min: 1, max }).map((product) => ({
    productId: product.id,
    variantSku: random.en.helpers.arrayElement(product.variants).sku,
    quantity: random.en.number.int({ min: 1, max: 3 }),
  }));
}

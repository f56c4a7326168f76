import type { VendorClient } from '../../lib/subgraph/vendor-client.js';
import { DEFAULT_CART_REGION, type Cart, type CartChange, type CommerceAdapter, type Region } from './adapter.js';
import { cartStoreOf, regionOf, toCart } from './commercetools-mapping.js';
import { keyIn, queryAll } from './commercetools-query.js';
import type { CtCart, CtOrder, CtPage } from './commercetools-types.js';

type CartLine = { sku: string; quantity: number };
type CartUpdateAction = ({ action: 'addLineItem' } & CartLine) | { action: 'removeLineItem'; lineItemId: string };

/** Each customer's active cart on the platform (the most recently changed one), in the order asked. */
export async function activeCartsOf(client: VendorClient, customerIds: readonly string[]): Promise<(CtCart | null)[]> {
  const where = `${keyIn('customerId', customerIds)} and cartState = "Active"`;
  const carts = await queryAll<CtCart>(client, '/carts', where, 'lastModifiedAt desc');
  const newest = new Map<string, CtCart>();
  for (const cart of carts) if (!newest.has(cart.customerId)) newest.set(cart.customerId, cart);
  return customerIds.map((id) => newest.get(id) ?? null);
}

/**
 * Cart changes addressed by customer: each acts on the customer's active cart.
 * The vendor client reports every 4xx as an outage, so the checks the platform would answer
 * with a 400/404 are made first, with reads: an unknown SKU or a missing item is the caller's mistake.
 */
export function createCartCommands(client: VendorClient): Pick<CommerceAdapter, 'addCartItem' | 'removeCartItem'> {
  const activeCartOf = async (customerId: string) => (await activeCartsOf(client, [customerId]))[0] ?? null;
  const update = async (cart: CtCart, action: CartUpdateAction): Promise<Cart> =>
    toCart(await client.post<CtCart>(`/carts/key=${encodeURIComponent(cart.key)}`, { actions: [action] }));

  async function skuExists(sku: string): Promise<boolean> {
    return (await client.get<CtPage<unknown>>('/product-projections', { where: keyIn('sku', [sku]), limit: 1 })).total > 0;
  }

  /** The platform has no customer profile to read a region from: the latest order's store tells it best. */
  async function regionForFirstCart(customerId: string): Promise<Region> {
    const latest = await client.get<CtPage<CtOrder>>('/orders', { where: keyIn('customerId', [customerId]), sort: 'createdAt desc', limit: 1 });
    const order = latest.results[0];
    return order === undefined ? DEFAULT_CART_REGION : regionOf(order.store, `order ${order.orderNumber}`);
  }

  /** Creates the cart with its first line in one call, so a failed add leaves no empty cart behind. */
  async function createCart(customerId: string, line: CartLine): Promise<Cart> {
    const draft = { key: `CART-${customerId}`, customerId, ...cartStoreOf(await regionForFirstCart(customerId)), lineItems: [line] };
    return toCart(await client.post<CtCart>('/carts', draft));
  }

  return {
    async addCartItem(customerId, sku, quantity): Promise<CartChange> {
      const [cart, known] = await Promise.all([activeCartOf(customerId), skuExists(sku)]);
      if (!known) return { rejected: 'UNKNOWN_SKU' };
      const line = { sku, quantity };
      return { cart: cart === null ? await createCart(customerId, line) : await update(cart, { action: 'addLineItem', ...line }) };
    },

    async removeCartItem(customerId, sku): Promise<CartChange> {
      const cart = await activeCartOf(customerId);
      if (cart === null) return { rejected: 'NO_ACTIVE_CART' };
      const line = cart.lineItems.find((item) => item.variant.sku === sku);
      if (line === undefined) return { rejected: 'SKU_NOT_IN_CART' };
      return { cart: await update(cart, { action: 'removeLineItem', lineItemId: line.id }) };
    },
  };
}

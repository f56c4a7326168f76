import type { VendorAnswer, VendorClient } from '../../lib/subgraph/vendor-client.js';
import { DEFAULT_CART_REGION, type CartChange, type CommerceAdapter, type Region } from './adapter.js';
import { cartStoreOf, regionOf, toCart } from './commercetools-mapping.js';
import { keyIn, queryAll } from './commercetools-query.js';
import type { CtCart, CtOrder, CtPage } from './commercetools-types.js';
import { errorCodeOf } from './commercetools-writes.js';

type CartLine = { sku: string; quantity: number };
type CartUpdateAction = ({ action: 'addLineItem' } & CartLine) | { action: 'removeLineItem'; lineItemId: string };
type Rejection = Extract<CartChange, { rejected: string }>['rejected'];

/** Each customer's active cart on the platform (the most recently changed one), in the order asked. */
export async function activeCartsOf(client: VendorClient, customerIds: readonly string[]): Promise<(CtCart | null)[]> {
  const where = `${keyIn('customerId', customerIds)} and cartState = "Active"`;
  const carts = await queryAll<CtCart>(client, '/carts', where, 'lastModifiedAt desc');
  const newest = new Map<string, CtCart>();
  for (const cart of carts) if (!newest.has(cart.customerId)) newest.set(cart.customerId, cart);
  return customerIds.map((id) => newest.get(id) ?? null);
}

/**
 * Cart changes addressed by customer: each acts on the customer's active cart. The platform checks
 * the SKU itself (no catalog read first): its 400/404 refusals become the change's rejection.
 */
export function createCartCommands(client: VendorClient): Pick<CommerceAdapter, 'addCartItem' | 'removeCartItem'> {
  const activeCartOf = async (customerId: string) => (await activeCartsOf(client, [customerId]))[0] ?? null;
  const update = (cartKey: string, action: CartUpdateAction) =>
    client.send<CtCart>('POST', `/carts/key=${encodeURIComponent(cartKey)}`, { body: { actions: [action] } });

  /** The platform has no customer profile to read a region from: the latest order's store tells it best. */
  async function regionForFirstCart(customerId: string): Promise<Region> {
    const latest = await client.get<CtPage<CtOrder>>('/orders', { where: keyIn('customerId', [customerId]), sort: 'createdAt desc', limit: 1 });
    const order = latest.results[0];
    return order === undefined ? DEFAULT_CART_REGION : regionOf(order.store, `order ${order.orderNumber}`);
  }

  /**
   * Creates the cart with its first line in one call, so a refused line leaves no empty cart behind.
   * If a concurrent change created it first (its key is taken), the line goes into that cart.
   */
  async function createCart(customerId: string, line: CartLine): Promise<VendorAnswer<CtCart>> {
    const key = `CART-${customerId}`;
    const draft = { key, customerId, ...cartStoreOf(await regionForFirstCart(customerId)), lineItems: [line] };
    const created = await client.send<CtCart>('POST', '/carts', { body: draft });
    return !created.ok && errorCodeOf(created.body) === 'DuplicateField' ? update(key, { action: 'addLineItem', ...line }) : created;
  }

  /** The changed cart, or the platform's refusal as the domain's rejection. */
  function changeOf(answer: VendorAnswer<CtCart>): CartChange {
    if (answer.ok) return { cart: toCart(answer.body) };
    const rejected = rejectionOf(answer.status, errorCodeOf(answer.body));
    if (rejected) return { rejected };
    throw answer.error;
  }

  return {
    async addCartItem(customerId, sku, quantity) {
      const cart = await activeCartOf(customerId);
      const line = { sku, quantity };
      if (cart === null) return changeOf(await createCart(customerId, line));
      return changeOf(await update(cart.key, { action: 'addLineItem', ...line }));
    },

    async removeCartItem(customerId, sku) {
      const cart = await activeCartOf(customerId);
      if (cart === null) return { rejected: 'NO_ACTIVE_CART' };
      const line = cart.lineItems.find((item) => item.variant.sku === sku);
      if (line === undefined) return { rejected: 'SKU_NOT_IN_CART' };
      return changeOf(await update(cart.key, { action: 'removeLineItem', lineItemId: line.id }));
    },
  };
}

/**
 * What a refusal of a cart change means. Quantities are positive (the port's contract), so an
 * invalid line is an unknown SKU; an unknown line or cart means it changed since it was read.
 */
function rejectionOf(status: number, code: string | undefined): Rejection | null {
  if (status === 404) return 'NO_ACTIVE_CART';
  if (status === 400 && code === 'InvalidInput') return 'UNKNOWN_SKU';
  if (status === 400 && code === 'InvalidOperation') return 'SKU_NOT_IN_CART';
  return null;
}

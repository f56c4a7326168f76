import { entityTag } from '../../lib/invalidation/message.js';
import type { Cart, Order, PricedLine } from './adapter.js';
import { changedCart, readCustomerId, readFirst, readInstant, readQuantity, readRegion } from './arguments.js';
import type { CommerceContext } from './context.js';
import { marginOf, priceIn } from './pricing.js';
import { internalReads, stepMutations } from './step-resolvers.js';

interface EntityRef {
  id: string;
}

/** Cart items and order lines point at the pim's product and variant by reference. */
const pricedLine = {
  product: (line: PricedLine): EntityRef => ({ id: line.productId }),
  variant: (line: PricedLine) => ({ sku: line.variantSku }),
};

/**
 * The changed cart, once its change is published: the cart itself, and its customer, whose `cart`
 * may have been none before.
 */
async function published(cart: Cart, { invalidations }: CommerceContext): Promise<Cart> {
  await invalidations.publish([entityTag('Cart', cart.id), entityTag('Customer', cart.customerId)]);
  return cart;
}

export const resolvers = {
  Query: {
    cart: (_: unknown, args: { id: string }, { adapter }: CommerceContext) => adapter.cartById(args.id),
    order: (_: unknown, args: { id: string }, { adapter }: CommerceContext) => adapter.orderById(args.id),
    promotions: (_: unknown, args: { activeOn?: string | null }, { adapter }: CommerceContext) =>
      adapter.promotions(args.activeOn == null ? undefined : readInstant('activeOn', args.activeOn)),
    ...internalReads,
  },
  Mutation: {
    addCartItem: async (_: unknown, args: { customerId: string; sku: string; quantity: number }, context: CommerceContext) => {
      const customerId = readCustomerId(args.customerId);
      const change = await context.adapter.addCartItem(customerId, args.sku, readQuantity(args.quantity));
      return published(changedCart(change, customerId, args.sku), context);
    },
    removeCartItem: async (_: unknown, args: { customerId: string; sku: string }, context: CommerceContext) => {
      const customerId = readCustomerId(args.customerId);
      const change = await context.adapter.removeCartItem(customerId, args.sku);
      return published(changedCart(change, customerId, args.sku), context);
    },
    ...stepMutations,
  },
  // Entity references resolve to the representation itself; fields load through the loaders, so
  // only fields asked for cost a (batched) vendor call.
  Product: {
    price: async (product: EntityRef, args: { region: string }, { loaders }: CommerceContext) => {
      const region = readRegion(args.region);
      return priceIn(await loaders.pricingByProductId.load(product.id), region);
    },
    cost: async (product: EntityRef, _: unknown, { loaders }: CommerceContext) =>
      (await loaders.pricingByProductId.load(product.id))?.cost ?? null,
    margin: async (product: EntityRef, _: unknown, { loaders }: CommerceContext) =>
      marginOf(await loaders.pricingByProductId.load(product.id)),
  },
  Customer: {
    cart: (customer: EntityRef, _: unknown, { loaders }: CommerceContext) => loaders.activeCartByCustomerId.load(customer.id),
    orders: async (customer: EntityRef, args: { first: number }, { loaders }: CommerceContext) => {
      const first = readFirst(args.first);
      return (await loaders.ordersByCustomerId.load(customer.id)).slice(0, first);
    },
  },
  Cart: {
    items: (cart: Cart) => cart.lines,
  },
  CartItem: pricedLine,
  OrderLine: pricedLine,
  Order: {
    customer: (order: Order): EntityRef => ({ id: order.customerId }),
  },
};

import { entityTag } from '../../lib/invalidation/message.js';
import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import { readReference, requireInternalCall } from '../../lib/subgraph/internal-calls.js';
import type { Order, StepRefusal } from './adapter.js';
import { readRegion } from './arguments.js';
import type { CommerceContext } from './context.js';
import { readOrderRequest, readPriceChange, readProductDiscount } from './step-arguments.js';

type OrderArgs = Parameters<typeof readOrderRequest>[0];
type PriceArgs = Parameters<typeof readPriceChange>[0];
type DiscountArgs = Parameters<typeof readProductDiscount>[0];

/**
 * The steps of orchestrated actions and their compensations: internal (signed calls only), keyed by
 * their reference at the platform. Each publishes the tags of what it changed, when it changed
 * something (not when it repeats a reference): an order and its customer (their `orders`), a product's prices.
 */
export const stepMutations = {
  async createOrder(_: unknown, args: OrderArgs, context: CommerceContext) {
    requireInternalCall(context, 'createOrder');
    const { result: order, created } = accepted(await context.adapter.createOrder(readOrderRequest(args)));
    if (created) await context.invalidations.publish(orderTags(order));
    return order;
  },
  async cancelOrder(_: unknown, args: { reference: string }, context: CommerceContext) {
    requireInternalCall(context, 'cancelOrder');
    const reference = readReference(args.reference);
    const cancelled = await context.adapter.cancelOrder(reference);
    if (cancelled) await context.invalidations.publish(orderTags(cancelled));
    return { reference, undone: cancelled !== null };
  },
  async setPrice(_: unknown, args: PriceArgs, context: CommerceContext) {
    requireInternalCall(context, 'setPrice');
    const { result: change, created } = accepted(await context.adapter.setPrice(readPriceChange(args)));
    if (created) await context.invalidations.publish(productTags([change.productId]));
    return change;
  },
  async restorePrice(_: unknown, args: { reference: string }, context: CommerceContext) {
    requireInternalCall(context, 'restorePrice');
    const reference = readReference(args.reference);
    const restored = await context.adapter.restorePrice(reference);
    if (restored) await context.invalidations.publish(productTags([restored.productId]));
    return { reference, undone: restored !== null };
  },
  async createProductDiscount(_: unknown, args: DiscountArgs, context: CommerceContext) {
    requireInternalCall(context, 'createProductDiscount');
    const { result: discount, created } = accepted(await context.adapter.createProductDiscount(readProductDiscount(args)));
    if (created) await context.invalidations.publish(productTags(discount.productIds));
    return discount;
  },
  async removeProductDiscount(_: unknown, args: { reference: string }, context: CommerceContext) {
    requireInternalCall(context, 'removeProductDiscount');
    const reference = readReference(args.reference);
    const removed = await context.adapter.removeProductDiscount(reference);
    if (removed) await context.invalidations.publish(productTags(removed.productIds));
    return { reference, undone: removed !== null };
  },
};

/** What the orchestrator's guardrails read: internal like the steps, and never cached. */
export const internalReads = {
  async internalPrice(_: unknown, args: { sku: string; region: string }, context: CommerceContext) {
    requireInternalCall(context, 'internalPrice');
    const price = await context.adapter.internalPrice(args.sku, readRegion(args.region));
    return price && { ...price, amount: (price.sale ?? price.list).amount, currency: price.list.currency };
  },
};

/** The step's result, or the platform's refusal as a BAD_USER_INPUT error the orchestrator branches on. */
function accepted<T extends object>(outcome: T | StepRefusal): T {
  if (!('refused' in outcome)) return outcome;
  throw badUserInput(`The platform does not sell ${outcome.skus.join(', ')}`, { reason: outcome.refused, skus: outcome.skus });
}

function orderTags(order: Order): string[] {
  return [entityTag('Order', order.id), entityTag('Customer', order.customerId)];
}

function productTags(productIds: readonly string[]): string[] {
  return productIds.map((id) => entityTag('Product', id));
}

import { entityTag } from '../../lib/invalidation/message.js';
import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import { readReference, requireInternalCall } from '../../lib/subgraph/internal-calls.js';
import type { PimContext } from './context.js';

const MAX_BADGE_LENGTH = 40;

/**
 * The step that puts a badge on a product and its compensation: internal (signed calls only), keyed by
 * their reference at the PIM. Each publishes its product's tag when it changed the product (not when
 * it repeats a reference): every answer with a product carries it by both keys, so its base SKU names it.
 */
export const stepMutations = {
  async setProductBadge(_: unknown, args: { productId: string; badge: string; reference: string }, context: PimContext) {
    requireInternalCall(context, 'setProductBadge');
    const reference = readReference(args.reference);
    const badge = args.badge.trim();
    if (badge === '' || badge.length > MAX_BADGE_LENGTH) throw badUserInput(`"badge" must be 1 to ${MAX_BADGE_LENGTH} characters`);
    const written = await context.adapter.setProductBadge(reference, args.productId, badge);
    if (!written) throw badUserInput(`The PIM has no product "${args.productId}"`, { reason: 'UNKNOWN_PRODUCT' });
    if (written.created) await context.invalidations.publish([entityTag('Product', written.result.productSku)]);
    return written.result;
  },

  async removeProductBadge(_: unknown, args: { reference: string }, context: PimContext) {
    requireInternalCall(context, 'removeProductBadge');
    const reference = readReference(args.reference);
    const productSku = await context.adapter.removeProductBadge(reference);
    if (productSku !== null) await context.invalidations.publish([entityTag('Product', productSku)]);
    return { reference, undone: productSku !== null };
  },
};


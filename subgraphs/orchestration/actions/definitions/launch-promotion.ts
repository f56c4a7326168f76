import { badUserInput } from '../../../../lib/subgraph/bad-user-input.js';
import { launchPromotionGuardrails, type PromotedProductFacts } from '../../../../policies/guardrails/actions.js';
import { commerce, crm, pim } from '../../domain/step-operations.js';
import { readFutureDate, readList, readPercent, readRegion, readText } from '../arguments.js';
import { step, type ActionDefinition } from '../definition.js';
import { isBackOffice } from '../permits.js';

export interface LaunchPromotionInput {
  name: string;
  productIds: string[];
  percent: number;
  /** Where stock must suffice; the discount and the campaign are the platform's and the CRM's, not a region's. */
  region: string;
  segment: string;
  badge: string;
  validUntil: string;
}

interface LaunchPromotionFacts {
  products: (PromotedProductFacts & { variantSkus: string[] })[];
}

/** One promotion in three systems: a badge in the PIM, a product discount in commerce, a campaign to a segment in the CRM. */
export const launchPromotion: ActionDefinition<LaunchPromotionInput, LaunchPromotionFacts> = {
  name: 'launchPromotion',

  readInput: (args) => ({
    name: readText('name', args.name),
    productIds: readList('productIds', args.productIds, (id) => readText('productIds', id)),
    percent: readPercent(args.percent),
    region: readRegion(args.region),
    segment: readText('segment', args.segment),
    badge: readText('badge', args.badge),
    validUntil: readFutureDate('validUntil', args.validUntil),
  }),

  mayRun: (principal) => isBackOffice(principal),

  async readFacts({ productIds, region }, reads) {
    const products = await Promise.all(
      productIds.map(async (productId) => {
        const product = await reads.product(productId);
        if (!product) throw badUserInput(`Unknown product "${productId}"`);
        // Variants share their product's price and cost: the first one's stand for all.
        const [available, price] = await Promise.all([reads.availableUnits(product.variantSkus, region), reads.price(product.variantSkus[0] ?? product.sku, region)]);
        if (!price) throw badUserInput(`No price for ${productId} in ${region}: it cannot be promoted there`);
        const units = [...available.values()].reduce((sum, count) => sum + count, 0);
        return { productId, variantSkus: product.variantSkus, categories: product.categories, availableAboveSafetyStock: units, price: price.price, cost: price.cost };
      }),
    );
    return { products };
  },

  guardrails: ({ region, percent }, { products }, limits) => launchPromotionGuardrails({ region, percent, products }, limits),

  plan({ name, productIds, percent, segment, badge, validUntil }, { products }, reference) {
    return [
      ...productIds.map((productId, i) =>
        step(`set-badge-${i + 1}`, reference, (ref) => [pim.setProductBadge({ productId, badge, reference: ref }), pim.removeProductBadge({ reference: ref })]),
      ),
      step('create-discount', reference, (ref) => [
        commerce.createProductDiscount({ reference: ref, skus: products.flatMap((product) => product.variantSkus), percent, validUntil: endOfDay(validUntil) }),
        commerce.removeProductDiscount({ reference: ref }),
      ]),
      step('create-campaign', reference, (ref) => [crm.createCampaign({ reference: ref, name, segment, productIds }), crm.cancelCampaign({ reference: ref })]),
    ];
  },
};

/** The discount runs to the end of its last day (UTC). */
function endOfDay(date: string): string {
  return `${date}T23:59:59.999Z`;
}

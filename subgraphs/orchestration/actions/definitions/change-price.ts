import { badUserInput } from '../../../../lib/subgraph/bad-user-input.js';
import { changePriceGuardrails } from '../../../../policies/guardrails/actions.js';
import type { Money } from '../../../../policies/guardrails/money.js';
import { commerce } from '../../domain/step-operations.js';
import { readAmount, readRegion, readText } from '../arguments.js';
import { priceChangeSlot } from '../atomic-claims.js';
import { step, type ActionDefinition } from '../definition.js';
import { isBackOffice } from '../permits.js';

export interface ChangePriceInput {
  sku: string;
  region: string;
  /** The new price in the region's currency, major units. */
  amount: number;
}

interface ChangePriceFacts {
  productId: string;
  currentPrice: Money;
  cost: Money | null;
  customersWithNegotiatedDiscount: number;
  /** As read before the change; the workflow counts again when it takes its slot. */
  changesToday: number;
}

/** Dynamic pricing: one price of one product in one region, restorable by its reference. */
export const changePrice: ActionDefinition<ChangePriceInput, ChangePriceFacts> = {
  name: 'changePrice',
  atomic: [priceChangeSlot],

  readInput: (args) => ({ sku: readText('sku', args.sku), region: readRegion(args.region), amount: readAmount('amount', args.amount) }),

  mayRun: (principal) => isBackOffice(principal),

  async readFacts({ sku, region }, reads) {
    const [price, holders] = await Promise.all([reads.price(sku, region), reads.negotiatedDiscountHolders(sku)]);
    if (!price) throw badUserInput(`No price for ${sku} in ${region}`);
    const changesToday = await reads.priceChangesToday(price.productId);
    return { productId: price.productId, currentPrice: price.price, cost: price.cost, customersWithNegotiatedDiscount: holders, changesToday };
  },

  guardrails: ({ sku, amount }, facts, limits) => changePriceGuardrails({ sku, ...facts, newPrice: { amount, currency: facts.currentPrice.currency } }, limits),

  plan: ({ sku, region, amount }, _facts, reference) => [
    step('set-price', reference, (ref) => [commerce.setPrice({ sku, region, amount, reference: ref }), commerce.restorePrice({ reference: ref })]),
  ],
};

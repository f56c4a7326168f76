import { GUARDRAIL_LIMITS, type GuardrailLimits } from './limits.js';
import { cents, formatMoney, type Money } from './money.js';
import { judge, type Verdict } from './verdict.js';

export interface PriceChangeCountFacts {
  productId: string;
  /** Changes of this product's prices already made today (UTC), over all its variants and regions. */
  changesToday: number;
}

/**
 * At most N price changes per product per day. The orchestrator counts and takes a slot in one
 * PostgreSQL transaction with this verdict, so two concurrent changes cannot both take the last one.
 */
export function priceChangesPerDay(facts: PriceChangeCountFacts, limits: GuardrailLimits = GUARDRAIL_LIMITS): Verdict {
  const maximum = limits.maxPriceChangesPerProductPerDay;
  return judge(
    'price-changes-per-day',
    facts.changesToday < maximum,
    { subject: facts.productId, limit: `${maximum} changes per day`, value: `${facts.changesToday} changes today` },
    {
      allow: `${facts.productId} has had ${facts.changesToday} of its ${maximum} price changes today.`,
      otherwise: `${facts.productId} has had all ${maximum} of its price changes today; try again tomorrow (UTC).`,
    },
  );
}

export interface NegotiatedDiscountFacts {
  sku: string;
  currentPrice: Money;
  newPrice: Money;
  /** Customers holding an active negotiated discount on this product. */
  customersWithNegotiatedDiscount: number;
}

/**
 * No price increase while a customer holds an active negotiated discount on the product: the
 * dynamic-pricing engine must not raise what a sales team agreed to discount. Decreases are free.
 */
export function negotiatedDiscountPriceLock(facts: NegotiatedDiscountFacts): Verdict {
  const { sku, currentPrice, newPrice, customersWithNegotiatedDiscount: holders } = facts;
  const increase = cents(newPrice.amount) > cents(currentPrice.amount);
  const current = formatMoney(cents(currentPrice.amount), currentPrice.currency);
  return judge(
    'negotiated-discount-price-lock',
    !increase || holders === 0,
    { subject: sku, limit: `no increase above ${current} while negotiated discounts are active`, value: `${holders} active negotiated discounts` },
    {
      allow: increase ? `No customer holds a negotiated discount on ${sku}: it may rise.` : `${sku} does not rise above ${current}.`,
      otherwise: `${holders} customers hold an active negotiated discount on ${sku}: its price may not rise above ${current}.`,
    },
  );
}

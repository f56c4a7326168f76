import { GUARDRAIL_LIMITS, type GuardrailLimits } from './limits.js';
import { cents, formatMoney, type Money } from './money.js';
import { judge, refuse, type Verdict } from './verdict.js';

export interface MarginFacts {
  /** The sku or product the price is for. */
  subject: string;
  /** The price a customer would pay: a new price, or a price after a promotion's discount. */
  price: Money;
  /** The unit cost; `null` when the commerce platform does not know it. */
  cost: Money | null;
}

/**
 * No price below cost plus the minimum margin. A cost in EUR is converted at finance's planning rate
 * for the price's currency; a cost that is unknown, or that no rate converts, cannot show the price is
 * safe: refused.
 */
export function minimumMargin(facts: MarginFacts, limits: GuardrailLimits = GUARDRAIL_LIMITS): Verdict {
  const { price, subject } = facts;
  const value = formatMoney(cents(price.amount), price.currency);
  const cost = costIn(price.currency, facts.cost, limits);
  if (cost === null) {
    const known = facts.cost ? `is in ${facts.cost.currency} with no planning rate to ${price.currency}` : 'is unknown';
    const message = `The cost of ${subject} ${known}: the price cannot be shown to keep the minimum margin.`;
    return refuse('minimum-margin', { subject, limit: `a known cost in ${price.currency}`, value }, message);
  }
  const basisPoints = Math.round(limits.minimumMarginOverCost * 10_000);
  const floor = Math.ceil((cost * (10_000 + basisPoints)) / 10_000);
  const limit = formatMoney(floor, price.currency);
  const percent = basisPoints / 100;
  return judge(
    'minimum-margin',
    cents(price.amount) >= floor,
    { subject, limit, value },
    {
      allow: `${value} keeps at least ${percent} % above the cost of ${subject} (floor ${limit}).`,
      otherwise: `${value} is below ${limit}, the cost of ${subject} plus the minimum margin of ${percent} %.`,
    },
  );
}

/** The cost in cents of `currency`, or null when it is unknown or cannot be converted. */
function costIn(currency: string, cost: Money | null, limits: GuardrailLimits): number | null {
  if (!cost) return null;
  if (cost.currency === currency) return cents(cost.amount);
  const rate = cost.currency === 'EUR' ? limits.eurPlanningRates[currency] : undefined;
  return rate === undefined ? null : Math.ceil(cents(cost.amount) * rate);
}

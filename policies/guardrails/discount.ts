import { GUARDRAIL_LIMITS, type GuardrailLimits } from './limits.js';
import { judge, type Verdict } from './verdict.js';

export interface DiscountFacts {
  /** The product promoted, e.g. `P0001`. */
  productId: string;
  /** Its category paths, e.g. `['apparel/shoes']`. */
  categories: readonly string[];
  /** The discount asked for, in percent. */
  percent: number;
}

/** A promotion's discount stays within the maximum of the product's strictest category. */
export function maxDiscountByCategory(facts: DiscountFacts, limits: GuardrailLimits = GUARDRAIL_LIMITS): Verdict {
  const maxima = facts.categories.map((path) => maxDiscountOf(path, limits));
  const maximum = maxima.length > 0 ? Math.min(...maxima) : limits.defaultMaxDiscountPercent;
  const filed = facts.categories.length > 0 ? facts.categories.join(', ') : 'an uncategorised product';
  return judge(
    'max-discount-by-category',
    facts.percent <= maximum,
    { subject: facts.productId, limit: `${maximum} %`, value: `${facts.percent} %` },
    {
      allow: `A ${facts.percent} % discount is within the ${maximum} % allowed for ${filed}.`,
      otherwise: `A ${facts.percent} % discount exceeds the ${maximum} % allowed for ${filed}.`,
    },
  );
}

/** The entry of the path itself, else of its nearest listed parent, else the default. */
function maxDiscountOf(path: string, limits: GuardrailLimits): number {
  for (let prefix = path; prefix !== ''; prefix = prefix.slice(0, Math.max(0, prefix.lastIndexOf('/')))) {
    const maximum = limits.maxDiscountPercentByCategory[prefix];
    if (maximum !== undefined) return maximum;
  }
  return limits.defaultMaxDiscountPercent;
}

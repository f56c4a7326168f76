/**
 * The numbers the guardrails hold to: the business's policy in one place, read by the functions
 * beside this file. Change a number here and every entry point (every principal, every action,
 * dry runs included) holds to the new one.
 */
export interface GuardrailLimits {
  /**
   * The deepest discount (percent) a promotion may give, by category path or by its top-level
   * category (the most specific entry wins); a product filed in several categories gets the strictest.
   */
  maxDiscountPercentByCategory: Record<string, number>;
  /** For a product none of whose categories is listed. */
  defaultMaxDiscountPercent: number;
  /** No price, promoted or not, below cost × (1 + this): 0.1 keeps 10 % above cost. */
  minimumMarginOverCost: number;
  /**
   * What one euro of cost counts as in another currency for the margin check: costs are kept in EUR and
   * the platform publishes no exchange rates, so finance sets planning rates here. A price in a
   * currency without a rate cannot be shown to keep the margin, and is refused.
   */
  eurPlanningRates: Record<string, number>;
  /** Price changes per product per UTC day, over all its variants and regions. */
  maxPriceChangesPerProductPerDay: number;
  /** Units a product must have above safety stock in a region to be promoted there. */
  minimumUnitsToPromote: number;
  /** Goodwill credits above this amount (major units, by currency) wait for a staff member's approval. */
  goodwillApprovalThreshold: Record<string, number>;
  /**
   * Money one agent may move per UTC day (major units, by currency): the orders it places and the
   * credits it issues, whomever it acts for. An agent moves no money in a currency not listed.
   */
  agentMoneyPerDay: Record<string, number>;
}

export const GUARDRAIL_LIMITS: GuardrailLimits = {
  maxDiscountPercentByCategory: {
    apparel: 50,
    home: 30,
    'home/furniture': 20,
    electronics: 20,
    outdoor: 35,
    beauty: 25,
    toys: 40,
  },
  defaultMaxDiscountPercent: 15,
  minimumMarginOverCost: 0.1,
  eurPlanningRates: { EUR: 1, USD: 1.08, GBP: 0.86 },
  maxPriceChangesPerProductPerDay: 3,
  minimumUnitsToPromote: 20,
  goodwillApprovalThreshold: { EUR: 50, USD: 55, GBP: 45 },
  agentMoneyPerDay: { EUR: 2000, USD: 2200, GBP: 1800 },
};

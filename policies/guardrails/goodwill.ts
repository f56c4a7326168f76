import { GUARDRAIL_LIMITS, type GuardrailLimits } from './limits.js';
import { cents, formatMoney, type Money } from './money.js';
import { judge, type Verdict } from './verdict.js';

export interface GoodwillFacts {
  customerId: string;
  credit: Money;
}

/**
 * Goodwill credits above the threshold of their currency wait for a staff member's approval (never
 * the requester's own); a currency without a threshold always does.
 */
export function goodwillApproval(facts: GoodwillFacts, limits: GuardrailLimits = GUARDRAIL_LIMITS): Verdict {
  const { customerId, credit } = facts;
  const threshold = limits.goodwillApprovalThreshold[credit.currency];
  const value = formatMoney(cents(credit.amount), credit.currency);
  const limit = threshold === undefined ? `no threshold for ${credit.currency}` : formatMoney(cents(threshold), credit.currency);
  return judge(
    'goodwill-approval',
    threshold !== undefined && cents(credit.amount) <= cents(threshold),
    { subject: customerId, limit, value },
    {
      allow: `A credit of ${value} is within ${limit}: no approval needed.`,
      otherwise: `A credit of ${value} is above ${limit}: a staff member must approve it.`,
    },
    'NEEDS_APPROVAL',
  );
}

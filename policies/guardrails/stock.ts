import { judge, type Verdict } from './verdict.js';

export interface SafetyStockFacts {
  /** The variant sold or the product promoted. */
  subject: string;
  region: string;
  /** Units the sale takes, or the units a promotion must be able to sell. */
  quantity: number;
  /** Units the region can sell without touching safety stock (inventory's `available`, which leaves it out). */
  availableAboveSafetyStock: number;
}

/** Nothing sold or promoted into the region's safety stock. */
export function safetyStock(facts: SafetyStockFacts): Verdict {
  const { subject, region, quantity, availableAboveSafetyStock: available } = facts;
  return judge(
    'safety-stock',
    quantity <= available,
    { subject, limit: `${available} units above safety stock in ${region}`, value: `${quantity} units` },
    {
      allow: `${quantity} units of ${subject} leave the safety stock in ${region} untouched.`,
      otherwise: `${quantity} units of ${subject} would reach into the safety stock in ${region}: only ${available} are above it.`,
    },
  );
}

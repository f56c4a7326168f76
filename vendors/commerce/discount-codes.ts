import type { SeedData } from '../seed/index.js';
import { optional } from './catalog.js';
import { toDiscountCode } from './mapping.js';
import type { Collection } from './query.js';
import type { DiscountCode } from './types.js';

/** The promotions, as discount codes each backed by one cart discount. */
export function createDiscountCodeCollection(data: SeedData): Collection<DiscountCode> {
  const byKey = new Map(data.promotions.map((promotion) => [promotion.id, toDiscountCode(promotion)]));
  return {
    all: () => byKey.values(),
    fields: { key: (code) => code.key, code: (code) => code.code, validFrom: (code) => code.validFrom, validUntil: (code) => code.validUntil },
    indexes: { key: (key) => optional(byKey.get(key)) },
  };
}

/** A discount code as returned without `expand`: references without their `obj`. */
export function withoutExpansion(code: DiscountCode): DiscountCode {
  return { ...code, cartDiscounts: code.cartDiscounts.map(({ typeId, id }) => ({ typeId, id })) };
}

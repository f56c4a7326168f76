import type { EffectsLedger } from '../kit/effects.js';
import { effectiveCents } from './mapping.js';
import { centMoney, platformId } from './money.js';
import type { ProductDiscountDraft } from './product-discount-draft.js';
import type { Price, ProductDiscount } from './types.js';
import { changesNothing, readUpdate, unknownAction } from './writes.js';

/** The platform's product discounts, kept by key; a deactivated one stays, so its key is never reused. */
export interface ProductDiscountStore {
  byKey: ReadonlyMap<string, ProductDiscount>;
  create(draft: ProductDiscountDraft): ProductDiscount;
  /** Applies the update actions of a `POST /product-discounts/key=:key` body (`changeIsActive`). */
  update(discount: ProductDiscount, body: unknown): ProductDiscount;
  /** The price with the best discount that applies to the SKU at `now`, if one beats the price's own. */
  discount(sku: string, price: Price, now: Date): Price;
}

export function createProductDiscountStore(effects: EffectsLedger): ProductDiscountStore {
  const byKey = new Map<string, ProductDiscount>();
  const bySku = new Map<string, ProductDiscount[]>();

  function create(draft: ProductDiscountDraft): ProductDiscount {
    const now = new Date().toISOString();
    const { key, name, permyriad, predicate, sortOrder, isActive, validFrom, validUntil } = draft;
    const discount: ProductDiscount = {
      id: platformId('product-discount', key), key, version: 1, name: { en: name }, value: { type: 'relative', permyriad },
      predicate, sortOrder, isActive, ...(validFrom ? { validFrom } : {}), ...(validUntil ? { validUntil } : {}), createdAt: now, lastModifiedAt: now,
    };
    byKey.set(key, discount);
    for (const sku of new Set(draft.skus)) bySku.set(sku, [...(bySku.get(sku) ?? []), discount]);
    effects.record({ kind: 'product-discount', reference: key, skus: draft.skus, permyriad });
    return discount;
  }

  function update(discount: ProductDiscount, body: unknown): ProductDiscount {
    for (const action of readUpdate(discount, body)) {
      if (action.action !== 'changeIsActive' || typeof action.isActive !== 'boolean') throw unknownAction(action);
      if (action.isActive === discount.isActive) throw changesNothing(`The product discount '${discount.key}' is already ${discount.isActive ? 'active' : 'inactive'}.`);
      Object.assign(discount, { isActive: action.isActive, version: discount.version + 1, lastModifiedAt: new Date().toISOString() });
      effects.record({ kind: 'product-discount-active', reference: discount.key, isActive: action.isActive });
    }
    return discount;
  }

  function discount(sku: string, price: Price, now: Date): Price {
    let best = price;
    for (const candidate of bySku.get(sku) ?? []) {
      if (!appliesAt(candidate, now)) continue;
      const cents = Math.round((price.value.centAmount * (10_000 - candidate.value.permyriad)) / 10_000);
      if (cents >= effectiveCents(best)) continue;
      const discounted = { value: centMoney(cents, price.value.currencyCode), discount: { typeId: 'product-discount' as const, id: candidate.id } };
      best = { ...price, discounted };
    }
    return best;
  }

  return { byKey, create, update, discount };
}

function appliesAt(discount: ProductDiscount, now: Date): boolean {
  const instant = now.toISOString();
  return discount.isActive && (discount.validFrom ?? instant) <= instant && instant <= (discount.validUntil ?? instant);
}

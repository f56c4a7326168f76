import type { VendorClient } from '../../lib/subgraph/vendor-client.js';
import type { CommerceAdapter, ProductDiscount } from './adapter.js';
import { keyIn } from './commercetools-query.js';
import { variantsBySku, type SkuEntry } from './commercetools-skus.js';
import type { CtProductDiscount } from './commercetools-types.js';
import { undone } from './commercetools-writes.js';

/** Where a step's discount sorts among the platform's product discounts (they all apply to SKUs of their own). */
const SORT_ORDER = '0.5';

/**
 * Product discounts keyed by the step's reference, on the SKUs a `sku in (...)` predicate names; the
 * platform answers a key it has with that discount, unchanged. Removing one deactivates it.
 */
export function createDiscountCommands(client: VendorClient): Pick<CommerceAdapter, 'createProductDiscount' | 'removeProductDiscount'> {
  /** The discount with the products of its SKUs, read again only if they are not those already looked up. */
  async function withProducts(discount: CtProductDiscount, known: Map<string, SkuEntry> = new Map()): Promise<ProductDiscount> {
    const skus = skusOf(discount.predicate);
    const entries = skus.every((sku) => known.has(sku)) ? known : await variantsBySku(client, skus);
    return {
      reference: discount.key,
      skus,
      productIds: [...new Set(skus.flatMap((sku) => entries.get(sku)?.productId ?? []))],
      percent: (discount.value.permyriad ?? 0) / 100,
      validUntil: discount.validUntil ?? '',
      status: discount.isActive ? 'ACTIVE' : 'REMOVED',
    };
  }

  return {
    async createProductDiscount({ reference, skus, percent, validUntil }) {
      const known = await variantsBySku(client, skus);
      const unknown = skus.filter((sku) => !known.has(sku));
      if (unknown.length > 0) return { refused: 'UNKNOWN_SKU', skus: unknown };
      const draft = {
        key: reference,
        name: { en: `${percent}% off` },
        value: { type: 'relative', permyriad: Math.round(percent * 100) },
        predicate: keyIn('sku', skus),
        sortOrder: SORT_ORDER,
        isActive: true,
        validUntil,
      };
      const answer = await client.send<CtProductDiscount>('POST', '/product-discounts', { body: draft });
      if (!answer.ok) throw answer.error;
      return { result: await withProducts(answer.body, known), created: answer.status === 201 };
    },

    async removeProductDiscount(reference) {
      const path = `/product-discounts/key=${encodeURIComponent(reference)}`;
      const removed = undone(await client.send<CtProductDiscount>('POST', path, { body: { actions: [{ action: 'changeIsActive', isActive: false }] } }));
      return removed && withProducts(removed);
    },
  };
}

/** The SKUs of a predicate this adapter wrote: `sku in ("A", "B")`. */
function skusOf(predicate: string): string[] {
  return [...predicate.matchAll(/"([^"]*)"/g)].map((match) => match[1]!);
}

import type { Express } from 'express';
import type { Webhooks } from '../kit/webhooks.js';
import type { Catalog, SkuEntry } from './catalog.js';
import { resourceNotFound } from './errors.js';
import { priceChangedMessage } from './price-events.js';
import { readPriceChangeDraft, type PriceChangeStore } from './price-changes.js';
import { readProductDiscountDraft } from './product-discount-draft.js';
import type { ProductDiscountStore } from './product-discounts.js';
import type { Pricing } from './pricing.js';
import type { Price } from './types.js';
import { createOnce, draftKey } from './writes.js';

interface PricingStores {
  catalog: Catalog;
  pricing: Pricing;
  changes: PriceChangeStore;
  discounts: ProductDiscountStore;
}

/**
 * Price changes and product discounts, each created once per key and changed by update actions:
 *
 * - `POST /price-changes` `{ key, sku, channel: { typeId: "channel", key }, value: { currencyCode, centAmount } }`,
 *   `POST /price-changes/key=:key` `{ actions: [{ action: "revert" }] }`
 * - `POST /product-discounts` (a ProductDiscountDraft with `predicate: sku in (...)`),
 *   `POST /product-discounts/key=:key` `{ actions: [{ action: "changeIsActive", isActive }] }`
 *
 * A create with a key the platform has answers that resource as it is (200); an update of an unknown
 * key is 404. A price change, applied or reverted, is posted as a `ProductPriceChanged` subscription message.
 */
export function addPricingRoutes(app: Express, { catalog, pricing, changes, discounts }: PricingStores, webhooks: Webhooks): void {
  /** Changes one variant's price in a channel, then posts its price before and after. */
  function announced<T>(entry: SkuEntry, channelKey: string, change: (before: Price) => T): T {
    const before = pricing.priceOf(entry, channelKey)!;
    const result = change(before);
    webhooks.notify(priceChangedMessage(entry.product, entry.variant, before, pricing.priceOf(entry, channelKey)!));
    return result;
  }

  app.post('/price-changes', (req, res) => {
    createOnce(res, changes.byKey.get(draftKey(req.body, 'key')), () => {
      const request = readPriceChangeDraft(req.body, catalog.bySku);
      return announced(request.entry, request.channelKey, (before) => changes.create(request, before));
    });
  });
  app.post('/price-changes/key=:key', (req, res) => {
    const change = changes.byKey.get(req.params.key) ?? notFound('PriceChange', req.params.key);
    res.json(announced(catalog.bySku.get(change.sku)!, change.channel.key!, () => changes.update(change, req.body)));
  });

  app.post('/product-discounts', (req, res) => {
    createOnce(res, discounts.byKey.get(draftKey(req.body, 'key')), () => discounts.create(readProductDiscountDraft(req.body)));
  });
  app.post('/product-discounts/key=:key', (req, res) => {
    const discount = discounts.byKey.get(req.params.key) ?? notFound('ProductDiscount', req.params.key);
    res.json(discounts.update(discount, req.body));
  });
}

function notFound(kind: string, key: string): never {
  throw resourceNotFound(kind, 'key', key);
}

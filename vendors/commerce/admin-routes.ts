import type { Express } from 'express';
import type { Webhooks } from '../kit/webhooks.js';
import type { Catalog } from './catalog.js';
import { invalidInput, resourceNotFound, sendPlatformError } from './errors.js';
import { centMoney } from './money.js';
import { priceChangedMessage } from './price-events.js';
import type { Price } from './types.js';

interface PriceChange {
  sku?: unknown;
  channel?: unknown;
  value?: { centAmount?: unknown };
  discounted?: { centAmount?: unknown };
}

/**
 * `PUT /_admin/prices` `{ sku, channel, value: { centAmount }, discounted?: { centAmount } }`: sets a
 * variant's price in a channel (`eu-webshop`, …), a sale price only when `discounted` is given, as
 * the merchant center would. Answers the price as changed and, once its subscription message has
 * been posted, what became of it (`webhook`).
 */
export function addPriceAdminRoutes(app: Express, catalog: Catalog, webhooks: Webhooks): void {
  app.put('/_admin/prices', async (req, res) => {
    const { sku, channel, value, discounted } = (req.body ?? {}) as PriceChange;
    const entry = catalog.bySku.get(String(sku));
    if (!entry) return sendPlatformError(res, resourceNotFound('ProductVariant', 'sku', String(sku)));
    const price = entry.variant.prices.find((candidate) => candidate.channel.key === channel);
    if (!price) return sendPlatformError(res, invalidInput(`The variant has no price in channel '${String(channel)}'.`));
    const [list, sale] = [value?.centAmount, discounted?.centAmount];
    if (!isCents(list) || (discounted !== undefined && !isCents(sale))) {
      return sendPlatformError(res, invalidInput("'value.centAmount' (and 'discounted.centAmount', when given) must be positive whole cents."));
    }
    const oldPrice: Price = structuredClone(price);
    const currency = price.value.currencyCode;
    price.value = centMoney(list, currency);
    if (isCents(sale)) price.discounted = { value: centMoney(sale, currency), discount: { typeId: 'product-discount', key: 'merchant-center' } };
    else delete price.discounted;
    entry.product.version += 1;
    res.json({ price, webhook: await webhooks.deliver(priceChangedMessage(entry.product, entry.variant, oldPrice, price)) });
  });
}

function isCents(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) > 0;
}

import type { VendorClient } from '../../lib/subgraph/vendor-client.js';
import type { CommerceAdapter, PriceChange } from './adapter.js';
import { channelOf, currencyOf, regionOf, toMoney } from './commercetools-mapping.js';
import { variantsBySku } from './commercetools-skus.js';
import type { CtPriceChange } from './commercetools-types.js';
import { isInvalidInput, undone, written } from './commercetools-writes.js';

/** A variant's price and cost in a region, and price changes keyed by the step's reference (`/price-changes`). */
export function createPriceCommands(client: VendorClient): Pick<CommerceAdapter, 'internalPrice' | 'setPrice' | 'restorePrice'> {
  return {
    async internalPrice(sku, region) {
      const entry = (await variantsBySku(client, [sku])).get(sku);
      const price = entry?.variant.prices.find((candidate) => candidate.channel?.key === channelOf(region).key);
      if (!entry || !price) return null;
      const cost = price.custom?.fields.costPrice;
      const sale = price.discounted ? toMoney(price.discounted.value) : null;
      return { sku, productId: entry.productId, region, list: toMoney(price.value), sale, cost: cost ? toMoney(cost) : null };
    },

    async setPrice({ reference, sku, region, amount }) {
      const value = { currencyCode: currencyOf(region), centAmount: Math.round(amount * 100) };
      const body = { key: reference, sku, channel: channelOf(region), value };
      const answer = await client.send<CtPriceChange>('POST', '/price-changes', { body });
      if (answer.ok) return written(answer, toPriceChange);
      if (isInvalidInput(answer) && (await variantsBySku(client, [sku])).size === 0) return { refused: 'UNKNOWN_SKU', skus: [sku] };
      throw answer.error;
    },

    async restorePrice(reference) {
      const path = `/price-changes/key=${encodeURIComponent(reference)}`;
      const reverted = undone(await client.send<CtPriceChange>('POST', path, { body: { actions: [{ action: 'revert' }] } }));
      return reverted && toPriceChange(reverted);
    },
  };
}

function toPriceChange(change: CtPriceChange): PriceChange {
  const previous = change.previousPrice.discounted?.value ?? change.previousPrice.value;
  return {
    reference: change.key,
    productId: change.productKey,
    sku: change.sku,
    region: regionOf(change.channel, `price change ${change.key}`),
    price: toMoney(change.value),
    previous: toMoney(previous),
    status: change.state === 'Applied' ? 'APPLIED' : 'RESTORED',
  };
}

import type { Region } from '../seed/index.js';
import type { Catalog, SkuEntry } from './catalog.js';
import { invalidInput } from './errors.js';
import { toLineItem } from './mapping.js';
import { channelOf } from './money.js';
import type { PriceChangeStore } from './price-changes.js';
import type { ProductDiscountStore } from './product-discounts.js';
import type { LineItem, Price, ProductProjection, ProductVariant } from './types.js';

/**
 * Prices as customers pay them now. The catalog holds each variant's price per channel (as the
 * merchant center sets it); the latest applied price change replaces its list price and drops its
 * sale price; then the best product discount valid now applies, if it beats the sale price.
 */
export interface Pricing {
  priceOf(entry: SkuEntry, channelKey: string): Price | undefined;
  /** The product as the platform publishes it now: every price as `priceOf` gives it. */
  project(product: ProductProjection): ProductProjection;
  /** A line of a cart or order (`owner`) for `quantity` units of a SKU at its price in the region. */
  lineItem(owner: string, region: Region, sku: string, quantity: number): LineItem;
}

export function createPricing(catalog: Catalog, changes: PriceChangeStore, discounts: ProductDiscountStore): Pricing {
  function priceOf({ variant }: SkuEntry, channelKey: string): Price | undefined {
    const base = variant.prices.find((price) => price.channel.key === channelKey);
    if (!base) return undefined;
    const change = changes.appliedTo(variant.sku, channelKey);
    const { discounted: _sale, ...withoutSale } = base;
    return discounts.discount(variant.sku, change ? { ...withoutSale, value: change.value } : base, new Date());
  }

  function project(product: ProductProjection): ProductProjection {
    const priced = (variant: ProductVariant): ProductVariant => ({
      ...variant,
      prices: variant.prices.map((price) => priceOf({ product, variant }, price.channel.key!) ?? price),
    });
    return { ...product, masterVariant: priced(product.masterVariant), variants: product.variants.map(priced) };
  }

  function lineItem(owner: string, region: Region, sku: string, quantity: number): LineItem {
    const entry = catalog.bySku.get(sku);
    if (!entry) throw invalidInput(`A product variant with the SKU '${sku}' does not exist.`);
    return toLineItem(owner, entry.product, entry.variant, priceOf(entry, channelOf(region).key!)!, quantity);
  }

  return { priceOf, project, lineItem };
}

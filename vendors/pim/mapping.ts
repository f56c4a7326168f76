import type { Localized, SeedProduct, SeedVariant } from '../seed/index.js';
import { categoryCode } from './categories.js';
import type { PimMediaFile, PimProductModel, PimValue, PimVariantProduct } from './types.js';

/** The channel whose scoped values (descriptions) the web shop reads. */
const ECOMMERCE_SCOPE = 'ecommerce';

function localized(text: Localized, scope: string | null = null): PimValue<string>[] {
  return [
    { locale: 'en_US', scope, data: text.en },
    { locale: 'de_DE', scope, data: text.de },
  ];
}

function plain<T>(data: T): PimValue<T>[] {
  return [{ locale: null, scope: null, data }];
}

/** Families follow the top-level category: `apparel`, `home`, … */
function familyOf(product: SeedProduct): string {
  return product.categories[0]!.split('/')[0]!;
}

function mediaFile(media: SeedProduct['media'][number], index: number, sku: string): PimMediaFile {
  return { code: `${sku}_${index + 1}`, media_type: media.kind, label: media.alt, _links: { download: { href: media.url } } };
}

/** Product model `code` is the base SKU; the storefront's product id lives in the `catalog_id` attribute. */
export function toProductModel(product: SeedProduct): PimProductModel {
  const family = familyOf(product);
  const bySize = product.variants.some((variant) => variant.options.size !== undefined);
  return {
    code: product.sku,
    family,
    family_variant: `${family}_by_${bySize ? 'size' : 'color'}`,
    parent: null,
    categories: product.categories.map(categoryCode),
    values: {
      catalog_id: plain(product.id),
      name: localized(product.name),
      description: localized(product.description, ECOMMERCE_SCOPE),
      brand: plain(product.brand),
      supplier: plain(product.supplier),
      ...Object.fromEntries(product.attributes.map((attribute) => [attribute.key, localized(attribute.value)])),
      media_gallery: plain(product.media.map((media, index) => mediaFile(media, index, product.sku))),
    },
  };
}

/** Variant product `identifier` is the variant SKU; `parent` is its product model's code. */
export function toVariantProduct(product: SeedProduct, variant: SeedVariant): PimVariantProduct {
  return {
    identifier: variant.sku,
    enabled: true,
    family: familyOf(product),
    parent: product.sku,
    categories: product.categories.map(categoryCode),
    values: {
      ean: plain(variant.gtin),
      color: plain(variant.options.color),
      ...(variant.options.size === undefined ? {} : { size: plain(variant.options.size) }),
    },
  };
}

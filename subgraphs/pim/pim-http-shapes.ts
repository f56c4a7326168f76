import type { CatalogAttribute, CatalogCategory, CatalogMedia, CatalogProduct, CatalogVariant, Locale, LocalizedText } from './adapter.js';

/** The PIM REST API's shapes, as far as this adapter reads them. */

interface VendorValue {
  locale: string | null;
  scope: string | null;
  data: unknown;
}
type VendorValues = Record<string, VendorValue[] | undefined>;

export interface VendorPage<T> {
  _links: { next?: { href: string } };
  items_count?: number;
  _embedded: { items: T[] };
}

export interface VendorProductModel {
  code: string;
  categories: string[];
  values: VendorValues;
}

export interface VendorVariantProduct {
  identifier: string;
  parent: string;
  values: VendorValues;
}

/** A record of a reference entity: values keyed by attribute, each `{ locale, channel, data }`. */
export interface VendorRecord {
  code: string;
  values: Record<string, { data: unknown }[] | undefined>;
}

export interface VendorCategory {
  code: string;
  parent: string | null;
  labels: Record<string, string | undefined>;
}

interface VendorMediaFile {
  media_type: 'image' | 'video';
  label: string;
  _links: { download: { href: string } };
}

const VENDOR_LOCALES: Record<Locale, string> = { en: 'en_US', de: 'de_DE' };
/** The channel the storefront's scoped values (descriptions) come from. */
const CHANNEL = 'ecommerce';
/** Attributes that map to Product fields of their own rather than to `attributes`. */
const MAPPED_ATTRIBUTES = new Set(['catalog_id', 'name', 'description', 'brand', 'supplier', 'media_gallery', 'badge']);

function pick(values: VendorValues, code: string, locale: string | null = null): unknown {
  const entries = values[code] ?? [];
  const matches = (entry: VendorValue) => entry.locale === locale && (entry.scope === null || entry.scope === CHANNEL);
  return entries.find(matches)?.data;
}

function text(values: VendorValues, code: string): string | null {
  const data = pick(values, code);
  return typeof data === 'string' ? data : null;
}

/** A value per locale; a non-localizable value reads the same in every locale. */
function localized(values: VendorValues, code: string): LocalizedText {
  const result: LocalizedText = {};
  for (const [locale, vendorLocale] of Object.entries(VENDOR_LOCALES) as [Locale, string][]) {
    const data = pick(values, code, vendorLocale) ?? pick(values, code);
    if (typeof data === 'string') result[locale] = data;
  }
  return result;
}

function attributes(values: VendorValues): CatalogAttribute[] {
  return Object.keys(values)
    .filter((code) => !MAPPED_ATTRIBUTES.has(code))
    .map((code) => ({ key: code, value: localized(values, code) }))
    .filter((attribute) => Object.keys(attribute.value).length > 0);
}

function media(values: VendorValues): CatalogMedia[] {
  const files = pick(values, 'media_gallery');
  if (!Array.isArray(files)) return [];
  return (files as VendorMediaFile[]).map((file) => ({ url: file._links.download.href, alt: file.label, kind: file.media_type }));
}

/** Model `code` is the base SKU; the storefront id is its `catalog_id` attribute. */
export function toCatalogProduct(model: VendorProductModel): CatalogProduct {
  const { values } = model;
  return {
    id: text(values, 'catalog_id') ?? model.code,
    sku: model.code,
    name: localized(values, 'name'),
    description: localized(values, 'description'),
    brand: text(values, 'brand'),
    categoryIds: model.categories,
    attributes: attributes(values),
    media: media(values),
    supplier: text(values, 'supplier'),
    badge: text(values, 'badge'),
  };
}

export function toCatalogVariant(product: VendorVariantProduct): CatalogVariant {
  const { values } = product;
  return {
    sku: product.identifier,
    productSku: product.parent,
    gtin: text(values, 'ean'),
    options: { size: text(values, 'size'), color: text(values, 'color') },
  };
}

/**
 * Paths from the PIM tree: its root (`master`) is left out, and this PIM codes a child category
 * `<parent code>_<segment>` (`apparel_shoes` under `apparel`), so each segment is the code minus that prefix.
 */
export function toCatalogCategories(vendorCategories: VendorCategory[]): CatalogCategory[] {
  const byCode = new Map(vendorCategories.map((category) => [category.code, category]));
  const paths = new Map<string, string | null>();
  const pathOf = (category: VendorCategory): string | null => {
    if (paths.has(category.code)) return paths.get(category.code)!;
    const parent = category.parent === null ? undefined : byCode.get(category.parent);
    const parentPath = parent ? pathOf(parent) : undefined;
    const path =
      parent === undefined ? null
      : parentPath === null ? category.code
      : `${parentPath}/${category.code.replace(`${parent.code}_`, '')}`;
    paths.set(category.code, path);
    return path;
  };
  return vendorCategories.flatMap((category) => {
    const path = pathOf(category);
    if (path === null) return [];
    const name: LocalizedText = {};
    for (const [locale, vendorLocale] of Object.entries(VENDOR_LOCALES) as [Locale, string][]) {
      const label = category.labels[vendorLocale];
      if (label !== undefined) name[locale] = label;
    }
    return [{ id: category.code, path, name }];
  });
}

/**
 * The PIM port: what the `pim` subgraph needs from a product information system,
 * in catalog terms. Implementations map one vendor's API onto it.
 */

export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

/** A text per locale; a locale the PIM has no text for is absent. */
export type LocalizedText = Partial<Record<Locale, string>>;

export interface CatalogCategory {
  /** Opaque reference that products carry and listings filter by. */
  id: string;
  /** Slash-separated place in the tree, e.g. `apparel/shoes`. */
  path: string;
  name: LocalizedText;
}

export interface CatalogAttribute {
  key: string;
  value: LocalizedText;
}

export interface CatalogMedia {
  url: string;
  alt: string;
  kind: 'image' | 'video';
}

export interface CatalogProduct {
  /** Storefront product id, e.g. `P0001`. */
  id: string;
  /** Base SKU, e.g. `SKU-10001`. */
  sku: string;
  name: LocalizedText;
  description: LocalizedText;
  brand: string | null;
  categoryIds: string[];
  attributes: CatalogAttribute[];
  media: CatalogMedia[];
  supplier: string | null;
}

export interface CatalogVariant {
  sku: string;
  /** Base SKU of the product the variant belongs to. */
  productSku: string;
  gtin: string | null;
  options: { size: string | null; color: string | null };
}

export interface ProductPageRequest {
  offset: number;
  limit: number;
  /** Only products in this category or below it. */
  categoryId?: string;
}

export interface ProductPage {
  products: CatalogProduct[];
  totalCount: number;
}

export interface PimAdapter {
  listProducts(request: ProductPageRequest): Promise<ProductPage>;
  /** In the order asked; `null` for ids the PIM does not know. */
  productsByIds(ids: readonly string[]): Promise<(CatalogProduct | null)[]>;
  /** In the order asked; `null` for SKUs the PIM does not know. */
  productsBySkus(skus: readonly string[]): Promise<(CatalogProduct | null)[]>;
  /** In the order asked; `null` for variant SKUs the PIM does not know. */
  variantsBySkus(skus: readonly string[]): Promise<(CatalogVariant | null)[]>;
  /** The variants of each product (by base SKU), in the order asked. */
  variantsOfProducts(productSkus: readonly string[]): Promise<CatalogVariant[][]>;
  /** The whole category tree, parents before children. */
  categories(): Promise<CatalogCategory[]>;
}

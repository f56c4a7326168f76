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
  /** The merchandising badge the product shows, e.g. `SALE`. */
  badge: string | null;
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

/** What a step wrote: its result as it is now, and whether this call made it (false for a repeat of its reference). */
export interface Written<T> {
  result: T;
  created: boolean;
}

/** A badge a step put on a product under its reference, as the PIM has it now. */
export interface ProductBadge {
  reference: string;
  productId: string;
  /** Base SKU of the product. */
  productSku: string;
  badge: string;
  status: 'SET' | 'REMOVED';
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
  /**
   * Puts a badge on a product under a step's reference, once: the same reference again returns that
   * badge as it is now and changes nothing. `null` for a product the PIM does not have.
   */
  setProductBadge(reference: string, productId: string, badge: string): Promise<Written<ProductBadge> | null>;
  /** Takes the badge of a reference off; the base SKU of its product, or `null` when there was nothing to undo. */
  removeProductBadge(reference: string): Promise<string | null>;
}

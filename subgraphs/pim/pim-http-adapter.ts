import { createVendorClient, type VendorConnection } from '../../lib/subgraph/vendor-client.js';
import type { CatalogProduct, CatalogVariant, PimAdapter, ProductPageRequest } from './adapter.js';
import { createBadgeCommands } from './pim-badges.js';
import {
  toCatalogCategories,
  toCatalogProduct,
  toCatalogVariant,
  type VendorCategory,
  type VendorPage,
  type VendorProductModel,
  type VendorVariantProduct,
} from './pim-http-shapes.js';

const API = '/api/rest/v1';
/** The PIM's largest page. */
const MAX_LIMIT = 100;

type Search = Record<string, { operator: string; value: string[] }[]>;

const whereIn = (field: string, values: readonly string[]): Search => ({
  [field]: [{ operator: 'IN', value: [...new Set(values)] }],
});

/** The PIM over its Akeneo-like REST API: product models are products, variant products are variants, badges are records. */
export function createPimHttpAdapter(connection: VendorConnection): PimAdapter {
  const client = createVendorClient({ vendor: 'pim', ...connection });

  /** Every item a search matches, following the pages (one call for up to 100 items). */
  async function everything<T>(resource: string, search?: Search): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; ; page += 1) {
      const query = { search: search && JSON.stringify(search), page, limit: MAX_LIMIT };
      const result = await client.get<VendorPage<T>>(`${API}/${resource}`, query);
      items.push(...result._embedded.items);
      if (!result._links.next) return items;
    }
  }

  async function productsBy(field: 'catalog_id' | 'code', keys: readonly string[], keyOf: (p: CatalogProduct) => string) {
    if (keys.length === 0) return [];
    const models = await everything<VendorProductModel>('product-models', whereIn(field, keys));
    const byKey = new Map(models.map(toCatalogProduct).map((product) => [keyOf(product), product]));
    return keys.map((key) => byKey.get(key) ?? null);
  }

  async function variantsBy(field: 'identifier' | 'parent', keys: readonly string[]): Promise<CatalogVariant[]> {
    if (keys.length === 0) return [];
    return (await everything<VendorVariantProduct>('products', whereIn(field, keys))).map(toCatalogVariant);
  }

  const productsByIds = (ids: readonly string[]) => productsBy('catalog_id', ids, (product) => product.id);

  return {
    async listProducts({ offset, limit, categoryId }: ProductPageRequest) {
      const search: Search | undefined = categoryId ? { categories: [{ operator: 'IN CHILDREN', value: [categoryId] }] } : undefined;
      // The PIM pages by page number; an offset between page boundaries spans two pages of `limit`.
      const first = Math.floor(offset / limit) + 1;
      const pages = offset % limit === 0 ? [first] : [first, first + 1];
      const results = await Promise.all(
        pages.map((page) =>
          client.get<VendorPage<VendorProductModel>>(`${API}/product-models`, {
            search: search && JSON.stringify(search),
            page,
            limit,
            with_count: 'true',
          }),
        ),
      );
      const models = results.flatMap((result) => result._embedded.items);
      const start = offset % limit;
      return {
        products: models.slice(start, start + limit).map(toCatalogProduct),
        totalCount: results[0]?.items_count ?? 0,
      };
    },
    productsByIds,
    productsBySkus: (skus) => productsBy('code', skus, (product) => product.sku),
    async variantsBySkus(skus) {
      const bySku = new Map((await variantsBy('identifier', skus)).map((variant) => [variant.sku, variant]));
      return skus.map((sku) => bySku.get(sku) ?? null);
    },
    async variantsOfProducts(productSkus) {
      const byProduct = new Map<string, CatalogVariant[]>();
      for (const variant of await variantsBy('parent', productSkus)) {
        byProduct.set(variant.productSku, [...(byProduct.get(variant.productSku) ?? []), variant]);
      }
      return productSkus.map((sku) => byProduct.get(sku) ?? []);
    },
    async categories() {
      return toCatalogCategories(await everything<VendorCategory>('categories'));
    },
    ...createBadgeCommands(client, productsByIds),
  };
}

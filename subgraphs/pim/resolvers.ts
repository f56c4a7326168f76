import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import { encodeCursor, readPageArgs } from '../../lib/subgraph/pagination.js';
import type { CatalogCategory, CatalogProduct, CatalogVariant } from './adapter.js';
import type { PimContext } from './context.js';
import { localize } from './locale.js';
import { stepMutations } from './step-resolvers.js';

interface LocaleArgs {
  locale: string;
}

interface ProductsArgs {
  first?: number | null;
  after?: string | null;
  category?: string | null;
}

async function categoryIdOf(path: string, { loaders }: PimContext): Promise<string> {
  const category = (await loaders.categoryTree()).find((candidate) => candidate.path === path);
  if (!category) {
    throw badUserInput(`"category" is not a category path of the catalog: "${path}"`);
  }
  return category.id;
}

async function categoriesOf(product: CatalogProduct, { loaders }: PimContext): Promise<CatalogCategory[]> {
  const byId = new Map((await loaders.categoryTree()).map((category) => [category.id, category]));
  return product.categoryIds.flatMap((id) => byId.get(id) ?? []);
}

export const resolvers = {
  Query: {
    async products(_: unknown, args: ProductsArgs, context: PimContext) {
      const { offset, limit } = readPageArgs(args);
      const categoryId = args.category == null ? undefined : await categoryIdOf(args.category, context);
      const { products, totalCount } = await context.adapter.listProducts({ offset, limit, categoryId });
      context.loaders.primeProducts(products);
      const end = offset + products.length;
      return {
        nodes: products,
        totalCount,
        pageInfo: { hasNextPage: end < totalCount, endCursor: products.length > 0 ? encodeCursor(end) : null },
      };
    },
    product: (_: unknown, { id }: { id: string }, { loaders }: PimContext) => loaders.productById.load(id),
    productBySku: (_: unknown, { sku }: { sku: string }, { loaders }: PimContext) => loaders.productBySku.load(sku),
    categories: (_: unknown, __: unknown, { loaders }: PimContext) => loaders.categoryTree(),
  },

  Mutation: stepMutations,

  Product: {
    __resolveReference(reference: { id?: string; sku?: string }, { loaders }: PimContext) {
      if (reference.id !== undefined) return loaders.productById.load(reference.id);
      return reference.sku === undefined ? null : loaders.productBySku.load(reference.sku);
    },
    name: (product: CatalogProduct, { locale }: LocaleArgs) => localize(product.name, locale) ?? product.sku,
    description: (product: CatalogProduct, { locale }: LocaleArgs) => localize(product.description, locale),
    categories: (product: CatalogProduct, _: unknown, context: PimContext) => categoriesOf(product, context),
    category: async (product: CatalogProduct, _: unknown, context: PimContext) => (await categoriesOf(product, context))[0] ?? null,
    attributes: (product: CatalogProduct, { locale }: LocaleArgs) =>
      product.attributes.flatMap((attribute) => {
        const value = localize(attribute.value, locale);
        return value === null ? [] : [{ key: attribute.key, value }];
      }),
    media: (product: CatalogProduct) => product.media.map((media) => ({ ...media, kind: media.kind.toUpperCase() })),
    variants: (product: CatalogProduct, _: unknown, { loaders }: PimContext) => loaders.variantsOfProduct.load(product.sku),
  },

  ProductVariant: {
    __resolveReference: (reference: { sku: string }, { loaders }: PimContext) => loaders.variantBySku.load(reference.sku),
    product: (variant: CatalogVariant, _: unknown, { loaders }: PimContext) => loaders.productBySku.load(variant.productSku),
  },

  Category: {
    name: (category: CatalogCategory, { locale }: LocaleArgs) => localize(category.name, locale) ?? category.path,
  },
};

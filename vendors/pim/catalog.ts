import type { SeedData } from '../seed/index.js';
import { buildCategoryTree, descendantsByCode } from './categories.js';
import { toProductModel, toVariantProduct } from './mapping.js';
import type { PimCategory, PimProductModel, PimVariantProduct } from './types.js';

/** The PIM's data, reshaped from the seed once and indexed for O(1) lookups. */
export interface PimCatalog {
  models: PimProductModel[];
  modelsByCode: Map<string, PimProductModel>;
  modelsByCatalogId: Map<string, PimProductModel>;
  /** Models filed directly in a category (`IN`), in catalog order. */
  modelsInCategory: Map<string, PimProductModel[]>;
  /** Models in a category or any of its descendants (`IN CHILDREN`), in catalog order. */
  modelsInCategoryTree: Map<string, PimProductModel[]>;
  variants: PimVariantProduct[];
  variantsByIdentifier: Map<string, PimVariantProduct>;
  variantsByParent: Map<string, PimVariantProduct[]>;
  categories: PimCategory[];
  categoriesByCode: Map<string, PimCategory>;
}

export function buildCatalog(data: SeedData): PimCatalog {
  const models = data.products.map(toProductModel);
  const variants = data.products.flatMap((product) => product.variants.map((variant) => toVariantProduct(product, variant)));
  const categories = buildCategoryTree(data.products);
  const descendants = descendantsByCode(categories);
  return {
    models,
    modelsByCode: new Map(models.map((model) => [model.code, model])),
    modelsByCatalogId: new Map(data.products.map((product, index) => [product.id, models[index]!])),
    modelsInCategory: new Map(categories.map(({ code }) => [code, models.filter((m) => m.categories.includes(code))])),
    modelsInCategoryTree: new Map(
      [...descendants].map(([code, codes]) => [code, models.filter((m) => m.categories.some((c) => codes.has(c)))]),
    ),
    variants,
    variantsByIdentifier: new Map(variants.map((variant) => [variant.identifier, variant])),
    variantsByParent: groupBy(variants, (variant) => variant.parent),
    categories,
    categoriesByCode: new Map(categories.map((category) => [category.code, category])),
  };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

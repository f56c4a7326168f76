import type { Express, Request } from 'express';
import type { PimCatalog } from './catalog.js';
import { pageOf } from './paging.js';
import { readSearch, type SearchFilter } from './search.js';

export const API = '/api/rest/v1';

/** Looks codes up in an index: what exists, in the order asked, and which codes are unknown. */
function lookup<T>(codes: string[], index: Map<string, T>): { found: T[]; missing: string[] } {
  const unique = [...new Set(codes)];
  return {
    found: unique.flatMap((code) => (index.has(code) ? [index.get(code)!] : [])),
    missing: unique.filter((code) => !index.has(code)),
  };
}

function union<T>(codes: string[], index: Map<string, T[]>): T[] {
  return [...new Set(codes.flatMap((code) => index.get(code) ?? []))];
}

export function addPimRoutes(app: Express, catalog: PimCatalog): void {
  app.get(`${API}/product-models`, (req, res) => {
    const filter = readSearch(req.query.search, {
      code: ['IN'],
      catalog_id: ['IN'],
      categories: ['IN', 'IN CHILDREN'],
    });
    res.json(productModels(req, filter));
  });

  app.get(`${API}/product-models/:code`, (req, res) => {
    const model = catalog.modelsByCode.get(req.params.code);
    if (model) res.json(model);
    else res.status(404).json({ code: 404, message: `Product model "${req.params.code}" does not exist.` });
  });

  app.get(`${API}/products`, (req, res) => {
    const filter = readSearch(req.query.search, { identifier: ['IN'], parent: ['IN'] });
    if (!filter) return res.json(pageOf(req, catalog.variants));
    if (filter.field === 'parent') return res.json(pageOf(req, union(filter.values, catalog.variantsByParent)));
    const { found, missing } = lookup(filter.values, catalog.variantsByIdentifier);
    res.json(pageOf(req, found, missing));
  });

  app.get(`${API}/products/:identifier`, (req, res) => {
    const variant = catalog.variantsByIdentifier.get(req.params.identifier);
    if (variant) res.json(variant);
    else res.status(404).json({ code: 404, message: `Product "${req.params.identifier}" does not exist.` });
  });

  app.get(`${API}/categories`, (req, res) => {
    res.json(pageOf(req, catalog.categories));
  });

  app.get(`${API}/categories/:code`, (req, res) => {
    const category = catalog.categoriesByCode.get(req.params.code);
    if (category) res.json(category);
    else res.status(404).json({ code: 404, message: `Category "${req.params.code}" does not exist.` });
  });

  function productModels(req: Request, filter: SearchFilter | null) {
    if (!filter) return pageOf(req, catalog.models);
    if (filter.field === 'categories') {
      const unknown = filter.values.filter((code) => !catalog.categoriesByCode.has(code));
      if (unknown.length > 0) return pageOf(req, [], unknown);
      const index = filter.operator === 'IN' ? catalog.modelsInCategory : catalog.modelsInCategoryTree;
      return pageOf(req, union(filter.values, index));
    }
    const index = filter.field === 'code' ? catalog.modelsByCode : catalog.modelsByCatalogId;
    const { found, missing } = lookup(filter.values, index);
    return pageOf(req, found, missing);
  }
}

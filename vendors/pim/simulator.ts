import type { Express } from 'express';
import { createSimulatorApp, finishSimulatorApp } from '../kit/app.js';
import type { SeedData } from '../seed/index.js';
import { buildCatalog } from './catalog.js';
import { addPimRoutes } from './routes.js';

/**
 * An Akeneo-like PIM under `/api/rest/v1`: product models (code = base SKU, `catalog_id` attribute =
 * storefront product id), variant products (identifier = variant SKU, `parent` = model code) and a
 * category tree with labels per locale. Lists are page-based; `search` with `IN` does batch lookups.
 */
export function createPimSimulator(data: SeedData): Express {
  const app = createSimulatorApp('pim');
  addPimRoutes(app, buildCatalog(data));
  return finishSimulatorApp(app);
}

import type { Express } from 'express';
import { createSimulatorApp, finishSimulatorApp } from '../kit/app.js';
import { createEffectsLedger } from '../kit/effects.js';
import type { SeedData } from '../seed/index.js';
import { createBadgeAssignments } from './badges.js';
import { buildCatalog } from './catalog.js';
import { addBadgeRecordRoutes } from './record-routes.js';
import { addPimRoutes } from './routes.js';

/**
 * An Akeneo-like PIM under `/api/rest/v1`: product models (code = base SKU, `catalog_id` attribute =
 * storefront product id), variant products (identifier = variant SKU, `parent` = model code) and a
 * category tree with labels per locale. Lists are page-based; `search` with `IN` does batch lookups.
 * Badges go on product models through records of the `product_badges` reference entity, each write
 * listed in `GET /_admin/effects`.
 */
export function createPimSimulator(data: SeedData): Express {
  const effects = createEffectsLedger();
  const app = createSimulatorApp('pim', undefined, effects);
  const catalog = buildCatalog(data);
  addPimRoutes(app, catalog);
  addBadgeRecordRoutes(app, catalog, createBadgeAssignments(catalog, effects));
  return finishSimulatorApp(app);
}

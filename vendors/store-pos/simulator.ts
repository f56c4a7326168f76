import type { Express } from 'express';
import { createSimulatorApp, finishSimulatorApp } from '../kit/app.js';
import { createEffectsLedger } from '../kit/effects.js';
import { webhooksTo, type Webhooks } from '../kit/webhooks.js';
import type { SeedData } from '../seed/index.js';
import { addStockAdminRoutes } from './admin-routes.js';
import { createPosCatalog } from './catalog.js';
import { addHoldRoutes } from './hold-routes.js';
import { createHolds } from './holds.js';
import { addInventoryRoutes } from './inventory-routes.js';

/**
 * A store POS inventory API: numeric items and stores of its own, the merchant's variant sku
 * as a searchable `vendor_sku`, per-store `qty_on_hand` and `qty_held` (click & collect holds).
 * Holds are kept in memory, one per reference, and listed as effects (`hold`, `release`). Levels that change (a hold, a change through `PUT /_admin/stock`) are
 * posted as an event to `webhooks`.
 */
export function createStorePosSimulator(data: SeedData, webhooks: Webhooks = webhooksTo(null)): Express {
  const catalog = createPosCatalog(data);
  const effects = createEffectsLedger();
  const app = createSimulatorApp('store-pos', (admin) => addStockAdminRoutes(admin, catalog, webhooks), effects);
  addInventoryRoutes(app, catalog);
  addHoldRoutes(app, createHolds(catalog, effects), webhooks);
  return finishSimulatorApp(app);
}

import type { Express } from 'express';
import { createSimulatorApp, finishSimulatorApp } from '../kit/app.js';
import type { SeedData } from '../seed/index.js';
import { createPosCatalog } from './catalog.js';
import { addHoldRoutes } from './hold-routes.js';
import { addInventoryRoutes } from './inventory-routes.js';

/**
 * A store POS inventory API: numeric items and stores of its own, the merchant's variant sku
 * as a searchable `vendor_sku`, per-store `qty_on_hand` and `qty_held` (click & collect holds).
 * Holds are kept in memory.
 */
export function createStorePosSimulator(data: SeedData): Express {
  const app = createSimulatorApp('store-pos');
  const catalog = createPosCatalog(data);
  addInventoryRoutes(app, catalog);
  addHoldRoutes(app, catalog);
  return finishSimulatorApp(app);
}

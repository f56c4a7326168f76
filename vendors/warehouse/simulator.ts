import type { Express } from 'express';
import { createSimulatorApp, finishSimulatorApp } from '../kit/app.js';
import { createEffectsLedger } from '../kit/effects.js';
import { webhooksTo, type Webhooks } from '../kit/webhooks.js';
import type { SeedData } from '../seed/index.js';
import { addStockAdminRoutes } from './admin-routes.js';
import { addAllocationRoutes } from './allocation-routes.js';
import { createAllocations } from './allocations.js';
import { createWarehouseState } from './mapping.js';
import { addStockRoutes } from './stock-routes.js';

/**
 * An ERP warehouse-stock API in the style of SAP: materials (`000000000010001-01`), generic
 * articles (`000000000010001`), plants with a sales region, and per-plant `on_hand`,
 * `allocated` and `safety_stock`. Allocations are kept in memory, one per external reference, and
 * listed as effects (`hold`, `release`). Stock that moves (an allocation, a
 * change through `PUT /_admin/stock`) is posted as an event to `webhooks`.
 */
export function createWarehouseSimulator(data: SeedData, webhooks: Webhooks = webhooksTo(null)): Express {
  const state = createWarehouseState(data);
  const effects = createEffectsLedger();
  const app = createSimulatorApp('warehouse', (admin) => addStockAdminRoutes(admin, state, webhooks), effects);
  addStockRoutes(app, state);
  addAllocationRoutes(app, createAllocations(state, effects), webhooks);
  return finishSimulatorApp(app);
}

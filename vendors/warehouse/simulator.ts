import type { Express } from 'express';
import { createSimulatorApp, finishSimulatorApp } from '../kit/app.js';
import type { SeedData } from '../seed/index.js';
import { addAllocationRoutes } from './allocation-routes.js';
import { createWarehouseState } from './mapping.js';
import { addStockRoutes } from './stock-routes.js';

/**
 * An ERP warehouse-stock API in the style of SAP: materials (`000000000010001-01`), generic
 * articles (`000000000010001`), plants with a sales region, and per-plant `on_hand`,
 * `allocated` and `safety_stock`. Allocations are kept in memory.
 */
export function createWarehouseSimulator(data: SeedData): Express {
  const app = createSimulatorApp('warehouse');
  const state = createWarehouseState(data);
  addStockRoutes(app, state);
  addAllocationRoutes(app, state);
  return finishSimulatorApp(app);
}

import type { Express } from 'express';
import type { SeedData } from '../seed/index.js';
import { createSimulatorApp, finishSimulatorApp } from '../kit/app.js';
import { createEffectsLedger } from '../kit/effects.js';
import { addCapacityRoutes } from './capacity-routes.js';
import { createCapacityLedger } from './capacity.js';
import { addCatalogRoutes } from './catalog-routes.js';
import { indexMasterData } from './master-data.js';
import { addShipmentRoutes } from './shipment-routes.js';

/**
 * A warehouse-management / shipping system in the style of a cloud WMS: facilities with dock
 * capacity calendars, carriers and service levels per lane, an item master, and shipment reservations
 * (one per client reference, listed as effects: `booking`, `cancellation`).
 * Everything lives under `/wms/v1`; errors are `{ error, message }`.
 */
export function createWmsSimulator(data: SeedData): Express {
  const effects = createEffectsLedger();
  const app = createSimulatorApp('wms', undefined, effects);
  const master = indexMasterData(data);
  const ledger = createCapacityLedger();
  addCatalogRoutes(app, master);
  addCapacityRoutes(app, master, ledger);
  addShipmentRoutes(app, master, ledger, effects);
  return finishSimulatorApp(app);
}

import type { Express } from 'express';
import { createSimulatorApp, finishSimulatorApp } from '../kit/app.js';
import type { SeedData } from '../seed/index.js';
import { createPartnerCatalog } from './catalog.js';
import { addPartnerRoutes } from './routes.js';

/**
 * A drop-ship partner's API: partner skus (`DS-000001`) mapped from the merchant's variant skus,
 * `available_to_promise` and `lead_time_days` per region, no reservations (`POST /v1/reservations`
 * answers 501). Pagination is `page` / `per_page`.
 */
export function createDropshipSimulator(data: SeedData): Express {
  const app = createSimulatorApp('dropship');
  addPartnerRoutes(app, createPartnerCatalog(data));
  return finishSimulatorApp(app);
}

import type { Express } from 'express';
import { sendBadRequest, sendError } from './http.js';
import { carriersForLane, isRegionCode, type MasterData } from './master-data.js';

const MAX_LOOKUP = 500;

/** Facilities, carriers and the item master: the WMS's reference data. */
export function addCatalogRoutes(app: Express, master: MasterData): void {
  app.get('/wms/v1/facilities', (req, res) => {
    const { region } = req.query;
    if (region !== undefined && !isRegionCode(region)) return sendBadRequest(res, `unknown region "${String(region)}"`);
    res.json({ facilities: master.facilities.filter((facility) => region === undefined || facility.region_code === region) });
  });

  app.get('/wms/v1/facilities/:facilityCode', (req, res) => {
    const facility = master.facilitiesByCode.get(req.params.facilityCode);
    if (!facility) return sendError(res, 404, 'facility_not_found', `no facility "${req.params.facilityCode}"`);
    res.json(facility);
  });

  app.get('/wms/v1/carriers', (req, res) => {
    const { lane } = req.query;
    if (!isRegionCode(lane)) return sendBadRequest(res, 'query parameter "lane" must be a region code (EU, US, UK)');
    res.json({ lane, carriers: carriersForLane(master, lane) });
  });

  app.get('/wms/v1/items/:itemNumber', (req, res) => {
    const item = master.itemsByNumber.get(req.params.itemNumber);
    if (!item) return sendError(res, 404, 'item_not_found', `no item "${req.params.itemNumber}"`);
    res.json(item);
  });

  app.post('/wms/v1/items/lookup', (req, res) => {
    const numbers: unknown = req.body?.item_numbers;
    if (!Array.isArray(numbers) || numbers.length > MAX_LOOKUP || !numbers.every((n) => typeof n === 'string')) {
      return sendBadRequest(res, `body must be { item_numbers: string[] } with at most ${MAX_LOOKUP} entries`);
    }
    const unique = [...new Set(numbers as string[])];
    res.json({
      items: unique.flatMap((number) => master.itemsByNumber.get(number) ?? []),
      not_found: unique.filter((number) => !master.itemsByNumber.has(number)),
    });
  });
}

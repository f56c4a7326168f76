import type { Express, Request } from 'express';
import type { CapacityLedger } from './capacity.js';
import { addDays, parseIsoDate } from './dates.js';
import { listParam, sendBadRequest } from './http.js';
import { carriersForLane, isRegionCode, type MasterData } from './master-data.js';
import type { WmsFacility } from './types.js';

const MAX_DAYS = 90;

/**
 * `GET /wms/v1/capacity-calendar?from=YYYY-MM-DD&days=N` with at most one filter: `region`,
 * `facility` (codes) or `site_ref` (ERP site ids); none means every facility.
 * `include=carriers` (with `region`) adds the carriers picking up in that region, so a shipping
 * promise needs one call.
 */
export function addCapacityRoutes(app: Express, master: MasterData, ledger: CapacityLedger): void {
  app.get('/wms/v1/capacity-calendar', (req, res) => {
    const from = parseIsoDate(req.query.from);
    if (!from) return sendBadRequest(res, 'query parameter "from" must be a date YYYY-MM-DD');
    const days = req.query.days === undefined ? 14 : Number(req.query.days);
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) return sendBadRequest(res, `"days" must be 1..${MAX_DAYS}`);
    const selection = selectFacilities(req, master);
    if (typeof selection === 'string') return sendBadRequest(res, selection);
    const { region } = req.query;
    const withCarriers = listParam(req.query.include).includes('carriers');
    if (withCarriers && !isRegionCode(region)) return sendBadRequest(res, '"include=carriers" needs a "region" filter');

    const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
    res.json({
      from,
      days,
      facilities: selection.facilities,
      calendar: selection.facilities.flatMap((facility) => dates.map((date) => ledger.day(facility, date))),
      missing: selection.missing,
      ...(withCarriers && isRegionCode(region) ? { carriers: carriersForLane(master, region) } : {}),
    });
  });
}

function selectFacilities(req: Request, master: MasterData): { facilities: WmsFacility[]; missing: string[] } | string {
  const { region, facility, site_ref: siteRef } = req.query;
  const filters = [region, facility, siteRef].filter((filter) => filter !== undefined);
  if (filters.length > 1) return 'use at most one of "region", "facility", "site_ref"';
  if (region !== undefined) {
    if (!isRegionCode(region)) return `unknown region "${String(region)}"`;
    return { facilities: master.facilities.filter((f) => f.region_code === region), missing: [] };
  }
  if (facility === undefined && siteRef === undefined) return { facilities: master.facilities, missing: [] };
  const wanted = listParam(facility ?? siteRef);
  const key = facility !== undefined ? 'facility_code' : 'site_ref';
  const found = master.facilities.filter((f) => wanted.includes(f[key]));
  return { facilities: found, missing: wanted.filter((id) => !found.some((f) => f[key] === id)) };
}

import type { Express } from 'express';
import type { CapacityLedger } from './capacity.js';
import { parseIsoDate } from './dates.js';
import { sendBadRequest, sendError } from './http.js';
import { isRegionCode, type MasterData } from './master-data.js';
import type { WmsShipment } from './types.js';

/**
 * Shipment reservations: `POST /wms/v1/shipments` routes to the first facility of the region with
 * room for the item's outbound units on the ship date (409 `capacity_exhausted` when none has).
 * `client_reference` is an idempotency key: re-posting an active reference returns its shipment.
 */
export function addShipmentRoutes(app: Express, master: MasterData, ledger: CapacityLedger): void {
  const shipments = new Map<string, WmsShipment>();
  const activeByReference = new Map<string, WmsShipment>();

  app.post('/wms/v1/shipments', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const shipDate = parseIsoDate(body.ship_date);
    const reference = typeof body.client_reference === 'string' ? body.client_reference.trim() : '';
    if (typeof body.item_number !== 'string' || !isRegionCode(body.region_code) || !shipDate || !reference) {
      return sendBadRequest(res, 'body must be { item_number, region_code: EU|US|UK, ship_date: YYYY-MM-DD, client_reference }');
    }
    const replay = activeByReference.get(reference);
    if (replay) return res.status(200).json(replay);
    const item = master.itemsByNumber.get(body.item_number);
    if (!item) return sendError(res, 422, 'unknown_item', `no item "${body.item_number}"`);

    const region = body.region_code;
    const facility = master.facilities.find((candidate) => {
      if (candidate.region_code !== region) return false;
      const day = ledger.day(candidate, shipDate);
      return day.capacity_units - day.booked_units >= item.outbound_units;
    });
    if (!facility) {
      return sendError(res, 409, 'capacity_exhausted', `no facility in ${region} has ${item.outbound_units} unit(s) free on ${shipDate}`);
    }
    ledger.book(facility, shipDate, item.outbound_units);
    const shipment: WmsShipment = {
      shipment_id: `SHP-${String(shipments.size + 1).padStart(6, '0')}`,
      status: 'RESERVED',
      item_number: item.item_number,
      facility_code: facility.facility_code,
      site_ref: facility.site_ref,
      region_code: region,
      ship_date: shipDate,
      outbound_units: item.outbound_units,
      client_reference: reference,
      created_at: new Date().toISOString(),
    };
    shipments.set(shipment.shipment_id, shipment);
    activeByReference.set(reference, shipment);
    res.status(201).json(shipment);
  });

  app.get('/wms/v1/shipments/:shipmentId', (req, res) => {
    const shipment = shipments.get(req.params.shipmentId);
    if (!shipment) return sendError(res, 404, 'shipment_not_found', `no shipment "${req.params.shipmentId}"`);
    res.json(shipment);
  });

  app.post('/wms/v1/shipments/:shipmentId/cancel', (req, res) => {
    const shipment = shipments.get(req.params.shipmentId);
    if (!shipment) return sendError(res, 404, 'shipment_not_found', `no shipment "${req.params.shipmentId}"`);
    if (shipment.status === 'CANCELLED') return sendError(res, 409, 'already_cancelled', `${shipment.shipment_id} is already cancelled`);
    const facility = master.facilitiesByCode.get(shipment.facility_code);
    if (facility) ledger.book(facility, shipment.ship_date, -shipment.outbound_units);
    shipment.status = 'CANCELLED';
    activeByReference.delete(shipment.client_reference);
    res.json(shipment);
  });
}

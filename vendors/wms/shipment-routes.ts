import type { Express } from 'express';
import type { EffectsLedger } from '../kit/effects.js';
import type { CapacityLedger } from './capacity.js';
import { parseIsoDate } from './dates.js';
import { sendBadRequest, sendError } from './http.js';
import { isRegionCode, type MasterData } from './master-data.js';
import type { WmsShipment } from './types.js';

/**
 * Shipment reservations: `POST /wms/v1/shipments` routes to the first facility of the region with
 * room for the item's outbound units on the ship date (409 `capacity_exhausted` when none has).
 * `client_reference` is an idempotency key: re-posting any reference the WMS has seen returns its
 * shipment (200), reserved or cancelled, and reserves nothing more. Cancelling goes by reference too.
 */
export function addShipmentRoutes(app: Express, master: MasterData, ledger: CapacityLedger, effects: EffectsLedger): void {
  const shipments = new Map<string, WmsShipment>();
  const byReference = new Map<string, WmsShipment>();

  app.post('/wms/v1/shipments', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const shipDate = parseIsoDate(body.ship_date);
    const reference = readReference(body.client_reference);
    if (typeof body.item_number !== 'string' || !isRegionCode(body.region_code) || !shipDate || !reference) {
      return sendBadRequest(res, 'body must be { item_number, region_code: EU|US|UK, ship_date: YYYY-MM-DD, client_reference }');
    }
    const replay = byReference.get(reference);
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
    byReference.set(reference, shipment);
    effects.record({ kind: 'booking', reference, shipment_id: shipment.shipment_id, facility_code: facility.facility_code, ship_date: shipDate });
    res.status(201).json(shipment);
  });

  app.get('/wms/v1/shipments/:shipmentId', (req, res) => {
    const shipment = shipments.get(req.params.shipmentId);
    if (!shipment) return sendError(res, 404, 'shipment_not_found', `no shipment "${req.params.shipmentId}"`);
    res.json(shipment);
  });

  /**
   * Body `{ client_reference }`: cancels the shipment of a reference and frees its capacity.
   * `cancelled: false` (not an error) when there is nothing to cancel: an unknown reference, or a
   * shipment cancelled already.
   */
  app.post('/wms/v1/shipments/cancel', (req, res) => {
    const reference = readReference(req.body?.client_reference);
    if (!reference) return sendBadRequest(res, 'body must be { client_reference }');
    const shipment = byReference.get(reference);
    if (shipment?.status !== 'RESERVED') return res.json({ client_reference: reference, cancelled: false, shipment: shipment ?? null });
    const facility = master.facilitiesByCode.get(shipment.facility_code);
    if (facility) ledger.book(facility, shipment.ship_date, -shipment.outbound_units);
    shipment.status = 'CANCELLED';
    effects.record({ kind: 'cancellation', reference, shipment_id: shipment.shipment_id });
    res.json({ client_reference: reference, cancelled: true, shipment });
  });
}

function readReference(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

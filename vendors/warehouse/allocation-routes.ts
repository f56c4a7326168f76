import type { Express } from 'express';
import type { Webhooks } from '../kit/webhooks.js';
import type { AllocationItem, Allocations } from './allocations.js';
import { sendSapError } from './errors.js';
import { stockChangedEvent } from './stock-events.js';

/**
 * Allocations reserve unrestricted stock against an external reference (all items or none), once
 * per reference: posting a reference again answers 200 with its allocation, open or cancelled.
 * Like a BAPI, a business rejection (not enough free stock) is an in-band `status: REJECTED`
 * with messages, and cancelling a reference with nothing open is an in-band `NOTHING_TO_CANCEL`;
 * 4xx is kept for malformed requests.
 */
export function addAllocationRoutes(app: Express, allocations: Allocations, webhooks: Webhooks): void {
  app.post('/erp/v1/allocations', (req, res) => {
    const body = (req.body ?? {}) as { reference?: unknown; items?: unknown };
    const items = readItems(body.items);
    if (!isReference(body.reference) || !items) {
      return sendSapError(res, 400, 'INVALID_INPUT', 'Send { reference, items: [{ material, plant, quantity > 0 }] }');
    }
    const outcome = allocations.allocate(body.reference, items);
    if ('existing' in outcome) return res.json(outcome.existing);
    if ('unknownRow' in outcome) {
      return sendSapError(res, 400, 'NO_STOCK_RECORD', `No stock of ${outcome.unknownRow.material} at plant ${outcome.unknownRow.plant}`);
    }
    if ('rejected' in outcome) {
      const messages = outcome.rejected.map((row) => ({ type: 'E', text: `Not enough free stock of ${row.material} at ${row.plant}` }));
      return res.json({ allocation_id: null, status: 'REJECTED', messages });
    }
    res.status(201).json(outcome.made);
    webhooks.notify(stockChangedEvent(outcome.rows));
  });

  /** `?reference=…`: the allocation made for an external reference, if any (`results` has 0 or 1). */
  app.get('/erp/v1/allocations', (req, res) => {
    if (!isReference(req.query.reference)) return sendSapError(res, 400, 'INVALID_INPUT', 'Filter by ?reference=');
    const allocation = allocations.byReference(req.query.reference);
    res.json({ results: allocation ? [allocation] : [] });
  });

  app.get('/erp/v1/allocations/:id', (req, res) => {
    const allocation = allocations.byId(req.params.id);
    if (!allocation) return sendSapError(res, 404, 'ALLOCATION_NOT_FOUND', `Allocation ${req.params.id} does not exist`);
    res.json(allocation);
  });

  /**
   * Body `{ reference }`: cancels the allocation of an external reference and gives its stock back.
   * Nothing open under it (never allocated, or cancelled already) is `NOTHING_TO_CANCEL`, not an error.
   */
  app.post('/erp/v1/allocations/cancel', (req, res) => {
    const { reference } = (req.body ?? {}) as { reference?: unknown };
    if (!isReference(reference)) return sendSapError(res, 400, 'INVALID_INPUT', 'Send { reference }');
    const allocation = allocations.byReference(reference);
    const rows = allocation ? allocations.cancel(allocation) : [];
    res.json({ reference, status: rows.length > 0 ? 'CANCELLED' : 'NOTHING_TO_CANCEL', allocation: allocation ?? null });
    if (rows.length > 0) webhooks.notify(stockChangedEvent(rows));
  });
}

function isReference(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function readItems(value: unknown): AllocationItem[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const items = value.map((item: Partial<AllocationItem>) => ({
    material: item?.material,
    plant: item?.plant,
    quantity: item?.quantity,
  }));
  const valid = items.every(
    (item) => typeof item.material === 'string' && typeof item.plant === 'string' && Number.isInteger(item.quantity) && item.quantity! > 0,
  );
  return valid ? (items as AllocationItem[]) : null;
}

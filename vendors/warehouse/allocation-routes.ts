import type { Express } from 'express';
import type { Webhooks } from '../kit/webhooks.js';
import { sendSapError } from './errors.js';
import { freeToAllocate, type StockRow, type WarehouseState } from './mapping.js';
import { stockChangedEvent } from './stock-events.js';

interface AllocationItem {
  material: string;
  plant: string;
  quantity: number;
}

interface Allocation {
  allocation_id: string;
  reference: string;
  status: 'OPEN' | 'CANCELLED';
  items: AllocationItem[];
  created_at: string;
}

/**
 * Allocations reserve unrestricted stock against a reference (all items or none).
 * Like a BAPI, a business rejection (not enough free stock) is an in-band `status: REJECTED`
 * with messages, not an HTTP error; 4xx is kept for malformed requests.
 */
export function addAllocationRoutes(app: Express, state: WarehouseState, webhooks: Webhooks): void {
  const allocations = new Map<string, Allocation>();
  let nextNumber = 4500000001;

  app.post('/erp/v1/allocations', (req, res) => {
    const body = (req.body ?? {}) as { reference?: unknown; items?: unknown };
    const items = readItems(body.items);
    if (typeof body.reference !== 'string' || body.reference === '' || !items) {
      return sendSapError(res, 400, 'INVALID_INPUT', 'Send { reference, items: [{ material, plant, quantity > 0 }] }');
    }
    // Quantities per stock row, so two items on the same material and plant are checked together.
    const needed = new Map<StockRow, number>();
    for (const item of items) {
      const row = state.rowsByMaterial.get(item.material)?.find((candidate) => candidate.plant === item.plant);
      if (!row) return sendSapError(res, 400, 'NO_STOCK_RECORD', `No stock of ${item.material} at plant ${item.plant}`);
      needed.set(row, (needed.get(row) ?? 0) + item.quantity);
    }
    const short = [...needed].filter(([row, quantity]) => freeToAllocate(row) < quantity);
    if (short.length > 0) {
      const messages = short.map(([row]) => ({ type: 'E', text: `Not enough free stock of ${row.material} at ${row.plant}` }));
      return res.json({ allocation_id: null, status: 'REJECTED', messages });
    }
    for (const [row, quantity] of needed) row.allocated += quantity;
    const allocation: Allocation = {
      allocation_id: String(nextNumber++),
      reference: body.reference,
      status: 'OPEN',
      items,
      created_at: new Date().toISOString(),
    };
    allocations.set(allocation.allocation_id, allocation);
    res.status(201).json(allocation);
    webhooks.notify(stockChangedEvent([...needed.keys()]));
  });

  app.get('/erp/v1/allocations/:id', (req, res) => {
    const allocation = allocations.get(req.params.id);
    if (!allocation) return sendSapError(res, 404, 'ALLOCATION_NOT_FOUND', `Allocation ${req.params.id} does not exist`);
    res.json(allocation);
  });

  /** Idempotent: cancelling a cancelled allocation changes nothing. */
  app.post('/erp/v1/allocations/:id/cancel', (req, res) => {
    const allocation = allocations.get(req.params.id);
    if (!allocation) return sendSapError(res, 404, 'ALLOCATION_NOT_FOUND', `Allocation ${req.params.id} does not exist`);
    if (allocation.status !== 'OPEN') return res.json(allocation);
    const rows = allocation.items.map((item) => {
      const row = state.rowsByMaterial.get(item.material)!.find((candidate) => candidate.plant === item.plant)!;
      row.allocated -= item.quantity;
      return row;
    });
    allocation.status = 'CANCELLED';
    res.json(allocation);
    webhooks.notify(stockChangedEvent(rows));
  });
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

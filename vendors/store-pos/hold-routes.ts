import type { Express } from 'express';
import type { Webhooks } from '../kit/webhooks.js';
import { availableToHold, type PosCatalog, type StockLevel } from './catalog.js';
import { sendPosError } from './errors.js';
import { levelsUpdatedEvent } from './level-events.js';

interface HoldLine {
  vendor_sku: string;
  store_id: number;
  qty: number;
}

interface Hold {
  hold_id: string;
  reference: string;
  status: 'active' | 'released';
  lines: HoldLine[];
  created_at: string;
}

/**
 * Click & collect holds: stock put aside at stores against a reference, all lines or none.
 * A hold that cannot be served is answered `200 { status: "rejected" }` with the short lines;
 * 4xx is kept for malformed requests.
 */
export function addHoldRoutes(app: Express, catalog: PosCatalog, webhooks: Webhooks): void {
  const holds = new Map<string, Hold>();
  let nextNumber = 1;

  const levelOf = (line: HoldLine): StockLevel | undefined => catalog.itemsBySku.get(line.vendor_sku)?.levels.get(line.store_id);

  app.post('/api/v2/holds', (req, res) => {
    const body = (req.body ?? {}) as { reference?: unknown; lines?: unknown };
    const lines = readLines(body.lines);
    if (typeof body.reference !== 'string' || body.reference === '' || !lines) {
      return sendPosError(res, 400, 'invalid_request', 'Send { reference, lines: [{ vendor_sku, store_id, qty > 0 }] }');
    }
    const needed = new Map<StockLevel, number>();
    for (const line of lines) {
      const level = levelOf(line);
      if (!level) return sendPosError(res, 400, 'no_stock_level', `Store ${line.store_id} stocks no ${line.vendor_sku}`);
      needed.set(level, (needed.get(level) ?? 0) + line.qty);
    }
    const short = [...needed].filter(([level, qty]) => availableToHold(level) < qty);
    if (short.length > 0) {
      const shortLines = short.map(([level, qty]) => ({ vendor_sku: level.vendor_sku, store_id: level.store_id, requested: qty, available: availableToHold(level) }));
      return res.json({ hold_id: null, status: 'rejected', reason: 'insufficient_stock', lines: shortLines });
    }
    for (const [level, qty] of needed) level.qty_held += qty;
    const hold: Hold = { hold_id: `HLD-${String(nextNumber++).padStart(6, '0')}`, reference: body.reference, status: 'active', lines, created_at: new Date().toISOString() };
    holds.set(hold.hold_id, hold);
    res.status(201).json(hold);
    webhooks.notify(levelsUpdatedEvent(needed.keys()));
  });

  app.get('/api/v2/holds/:holdId', (req, res) => {
    const hold = holds.get(req.params.holdId);
    if (!hold) return sendPosError(res, 404, 'hold_not_found', `No hold ${req.params.holdId}`);
    res.json(hold);
  });

  /** Idempotent: releasing a released hold changes nothing. */
  app.post('/api/v2/holds/:holdId/release', (req, res) => {
    const hold = holds.get(req.params.holdId);
    if (!hold) return sendPosError(res, 404, 'hold_not_found', `No hold ${req.params.holdId}`);
    if (hold.status !== 'active') return res.json(hold);
    const levels = hold.lines.map((line) => {
      const level = levelOf(line)!;
      level.qty_held -= line.qty;
      return level;
    });
    hold.status = 'released';
    res.json(hold);
    webhooks.notify(levelsUpdatedEvent(levels));
  });
}

function readLines(value: unknown): HoldLine[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const lines = value.map((line: Partial<HoldLine>) => ({ vendor_sku: line?.vendor_sku, store_id: line?.store_id, qty: line?.qty }));
  const valid = lines.every(
    (line) => typeof line.vendor_sku === 'string' && Number.isInteger(line.store_id) && Number.isInteger(line.qty) && line.qty! > 0,
  );
  return valid ? (lines as HoldLine[]) : null;
}

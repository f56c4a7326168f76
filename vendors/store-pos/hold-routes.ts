import type { Express } from 'express';
import type { Webhooks } from '../kit/webhooks.js';
import { sendPosError } from './errors.js';
import type { HoldLine, Holds } from './holds.js';
import { levelsUpdatedEvent } from './level-events.js';

/**
 * Click & collect holds: stock put aside at stores against a reference, all lines or none, once
 * per reference (posting a reference again answers 200 with its hold, active or released).
 * A hold that cannot be served is answered `200 { status: "rejected" }` with the short lines;
 * 4xx is kept for malformed requests.
 */
export function addHoldRoutes(app: Express, holds: Holds, webhooks: Webhooks): void {
  app.post('/api/v2/holds', (req, res) => {
    const body = (req.body ?? {}) as { reference?: unknown; lines?: unknown };
    const lines = readLines(body.lines);
    if (!isReference(body.reference) || !lines) {
      return sendPosError(res, 400, 'invalid_request', 'Send { reference, lines: [{ vendor_sku, store_id, qty > 0 }] }');
    }
    const outcome = holds.place(body.reference, lines);
    if ('existing' in outcome) return res.json(outcome.existing);
    if ('unknownLevel' in outcome) {
      return sendPosError(res, 400, 'no_stock_level', `Store ${outcome.unknownLevel.store_id} stocks no ${outcome.unknownLevel.vendor_sku}`);
    }
    if ('short' in outcome) return res.json({ hold_id: null, status: 'rejected', reason: 'insufficient_stock', lines: outcome.short });
    res.status(201).json(outcome.placed);
    webhooks.notify(levelsUpdatedEvent(outcome.levels));
  });

  /** `?reference=…`: the hold placed for a reference, if any (`data` has 0 or 1). */
  app.get('/api/v2/holds', (req, res) => {
    if (!isReference(req.query.reference)) return sendPosError(res, 400, 'invalid_request', 'Filter by ?reference=');
    const hold = holds.byReference(req.query.reference);
    res.json({ data: hold ? [hold] : [] });
  });

  app.get('/api/v2/holds/:holdId', (req, res) => {
    const hold = holds.byId(req.params.holdId);
    if (!hold) return sendPosError(res, 404, 'hold_not_found', `No hold ${req.params.holdId}`);
    res.json(hold);
  });

  /**
   * Body `{ reference }`: releases the hold of a reference. `released: false` (not an error) when
   * there is nothing to release: no hold under the reference, or one released already.
   */
  app.post('/api/v2/holds/release', (req, res) => {
    const { reference } = (req.body ?? {}) as { reference?: unknown };
    if (!isReference(reference)) return sendPosError(res, 400, 'invalid_request', 'Send { reference }');
    const hold = holds.byReference(reference);
    const levels = hold ? holds.release(hold) : [];
    res.json({ reference, released: levels.length > 0, hold: hold ?? null });
    if (levels.length > 0) webhooks.notify(levelsUpdatedEvent(levels));
  });
}

function isReference(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function readLines(value: unknown): HoldLine[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const lines = value.map((line: Partial<HoldLine>) => ({ vendor_sku: line?.vendor_sku, store_id: line?.store_id, qty: line?.qty }));
  const valid = lines.every(
    (line) => typeof line.vendor_sku === 'string' && Number.isInteger(line.store_id) && Number.isInteger(line.qty) && line.qty! > 0,
  );
  return valid ? (lines as HoldLine[]) : null;
}

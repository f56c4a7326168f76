import type { Express } from 'express';
import type { Webhooks } from '../kit/webhooks.js';
import type { PosCatalog } from './catalog.js';
import { sendPosError } from './errors.js';
import { levelsUpdatedEvent } from './level-events.js';

/**
 * `PUT /_admin/stock` `{ vendor_sku, store_id, qty_on_hand }`: a store's stock count or delivery, as
 * the POS back office records it. Answers the level as changed and, once its webhook has been
 * posted, what became of it (`webhook`).
 */
export function addStockAdminRoutes(app: Express, catalog: PosCatalog, webhooks: Webhooks): void {
  app.put('/_admin/stock', async (req, res) => {
    const { vendor_sku: sku, store_id: storeId, qty_on_hand: onHand } = (req.body ?? {}) as Record<string, unknown>;
    const level = catalog.itemsBySku.get(String(sku))?.levels.get(Number(storeId));
    if (!level) return sendPosError(res, 404, 'no_stock_level', `Store ${String(storeId)} stocks no ${String(sku)}`);
    if (!Number.isInteger(onHand) || (onHand as number) < level.qty_held) {
      return sendPosError(res, 400, 'invalid_request', `qty_on_hand must be a whole number, at least qty_held (${level.qty_held})`);
    }
    level.qty_on_hand = onHand as number;
    res.json({ level, webhook: await webhooks.deliver(levelsUpdatedEvent([level])) });
  });
}

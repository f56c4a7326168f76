import type { Express } from 'express';
import type { Webhooks } from '../kit/webhooks.js';
import { sendSapError } from './errors.js';
import type { WarehouseState } from './mapping.js';
import { stockChangedEvent } from './stock-events.js';

/**
 * `PUT /_admin/stock` `{ material, plant, on_hand?, safety_stock? }`: a stock movement, as a goods
 * receipt or a stock count in the ERP would make it. Answers the row as changed and, once its
 * webhook has been posted, what became of it (`webhook`).
 */
export function addStockAdminRoutes(app: Express, state: WarehouseState, webhooks: Webhooks): void {
  app.put('/_admin/stock', async (req, res) => {
    const { material, plant, on_hand: onHand, safety_stock: safetyStock } = (req.body ?? {}) as Record<string, unknown>;
    const row = state.rowsByMaterial.get(String(material))?.find((candidate) => candidate.plant === plant);
    if (!row) return sendSapError(res, 404, 'NO_STOCK_RECORD', `No stock of ${String(material)} at plant ${String(plant)}`);
    if (![onHand, safetyStock].every((figure) => figure === undefined || (Number.isInteger(figure) && (figure as number) >= 0))) {
      return sendSapError(res, 400, 'INVALID_INPUT', 'on_hand and safety_stock must be whole numbers, 0 or more');
    }
    row.on_hand = (onHand as number | undefined) ?? row.on_hand;
    row.safety_stock = (safetyStock as number | undefined) ?? row.safety_stock;
    res.json({ row, webhook: await webhooks.deliver(stockChangedEvent([row])) });
  });
}

import type { Express } from 'express';
import { resourceNotFound } from './errors.js';
import { readOrderImportDraft } from './order-draft.js';
import type { OrderBook } from './orders.js';
import { createOnce, draftKey } from './writes.js';

/**
 * `POST /orders/import` (an OrderImportDraft; an `orderNumber` that exists answers its order, 200) and
 * `POST /orders/order-number=:orderNumber` with `{ version?, actions: [{ action: "changeOrderState", orderState }] }`.
 */
export function addOrderWriteRoutes(app: Express, orders: OrderBook): void {
  app.post('/orders/import', (req, res) => {
    createOnce(res, orders.byNumber.get(draftKey(req.body, 'orderNumber')), () => orders.import(readOrderImportDraft(req.body)));
  });
  app.post('/orders/order-number=:orderNumber', (req, res) => {
    const order = orders.byNumber.get(req.params.orderNumber);
    if (!order) throw resourceNotFound('Order', 'orderNumber', req.params.orderNumber);
    res.json(orders.update(order, req.body));
  });
}

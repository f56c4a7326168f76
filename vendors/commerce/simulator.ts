import type { Express, Request } from 'express';
import { createSimulatorApp, finishSimulatorApp } from '../kit/app.js';
import { webhooksTo, type Webhooks } from '../kit/webhooks.js';
import type { SeedData } from '../seed/index.js';
import { addPriceAdminRoutes } from './admin-routes.js';
import { createCartStore } from './carts.js';
import { createCatalog } from './catalog.js';
import { answerPlatformErrors, resourceNotFound } from './errors.js';
import { createDiscountCodeCollection, createOrderBook, withoutExpansion } from './orders-and-codes.js';
import { queryCollection, type QueryParams } from './query.js';

/**
 * A commercetools-like commerce platform over the seed's products, prices, carts, orders and promotions.
 *
 * - `GET /product-projections?where=key in ("P0001","P0002")` (also `sku in (...)`), `GET /product-projections/key=:key`
 * - `GET /carts?where=customerId in (...) and cartState = "Active"`, `GET /carts/key=:key`,
 *   `POST /carts` with a CartDraft `{ key, customerId, store: { typeId: "store", key: "eu-webshop" }, currency: "EUR", lineItems?: [{ sku, quantity }] }` (201),
 *   `POST /carts/key=:key` with `{ version?, actions: [{ action: "addLineItem", sku, quantity } | { action: "removeLineItem", lineItemKey }] }`
 * - `GET /orders?where=customerId in (...)&sort=createdAt desc`, `GET /orders/order-number=:orderNumber`
 * - `GET /discount-codes?where=validFrom <= "..." and validUntil >= "..."&expand=cartDiscounts[*]`
 *
 * Query endpoints page with `limit` (≤ 500) / `offset` and answer `{ limit, offset, count, total, results, missing? }`.
 * A price changed through `PUT /_admin/prices` is posted as a subscription message to `webhooks`.
 */
export function createCommerceSimulator(data: SeedData, webhooks: Webhooks = webhooksTo(null)): Express {
  const catalog = createCatalog(data);
  const carts = createCartStore(data, catalog);
  const orders = createOrderBook(data, catalog.byKey);
  const discountCodes = createDiscountCodeCollection(data);

  const app = createSimulatorApp('commerce', (admin) => addPriceAdminRoutes(admin, catalog, webhooks));
  app.get('/product-projections', (req, res) => {
    res.json(queryCollection(catalog.collection, queryParams(req)));
  });
  app.get('/product-projections/key=:key', (req, res) => {
    res.json(catalog.byKey.get(req.params.key) ?? notFound('Product', 'key', req.params.key));
  });
  app.get('/carts', (req, res) => {
    res.json(queryCollection(carts.collection, queryParams(req)));
  });
  app.get('/carts/key=:key', (req, res) => {
    res.json(carts.byKey.get(req.params.key) ?? notFound('Cart', 'key', req.params.key));
  });
  app.post('/carts', (req, res) => {
    res.status(201).json(carts.create(req.body));
  });
  app.post('/carts/key=:key', (req, res) => {
    const cart = carts.byKey.get(req.params.key) ?? notFound('Cart', 'key', req.params.key);
    const body = (req.body ?? {}) as { version?: number; actions?: unknown };
    res.json(carts.update(cart, body.version, body.actions));
  });
  app.get('/orders', (req, res) => {
    res.json(queryCollection(orders.collection, queryParams(req)));
  });
  app.get('/orders/order-number=:orderNumber', (req, res) => {
    res.json(orders.byNumber.get(req.params.orderNumber) ?? notFound('Order', 'orderNumber', req.params.orderNumber));
  });
  app.get('/discount-codes', (req, res) => {
    const page = queryCollection(discountCodes, queryParams(req));
    const expanded = req.query.expand === 'cartDiscounts[*]';
    res.json({ ...page, results: page.results.map((code) => (expanded ? code : withoutExpansion(code))) });
  });
  app.use(answerPlatformErrors);
  return finishSimulatorApp(app);
}

function notFound(kind: string, field: string, value: string): never {
  throw resourceNotFound(kind, field, value);
}

function queryParams(req: Request): QueryParams {
  const read = (name: keyof QueryParams) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
  return { where: read('where'), sort: read('sort'), limit: read('limit'), offset: read('offset') };
}

import type { Express, Request } from 'express';
import { createSimulatorApp, finishSimulatorApp } from '../kit/app.js';
import { createEffectsLedger } from '../kit/effects.js';
import { webhooksTo, type Webhooks } from '../kit/webhooks.js';
import type { SeedData } from '../seed/index.js';
import { addPriceAdminRoutes } from './admin-routes.js';
import { createCartStore } from './carts.js';
import { createCatalog } from './catalog.js';
import { createDiscountCodeCollection, withoutExpansion } from './discount-codes.js';
import { answerPlatformErrors, resourceNotFound } from './errors.js';
import { addOrderWriteRoutes } from './order-routes.js';
import { createOrderBook } from './orders.js';
import { createPriceChangeStore } from './price-changes.js';
import { addPricingRoutes } from './pricing-routes.js';
import { createPricing } from './pricing.js';
import { createProductDiscountStore } from './product-discounts.js';
import { queryCollection, type QueryParams } from './query.js';

/**
 * A commercetools-like commerce platform over the seed's products, prices, carts, orders and promotions.
 *
 * - `GET /product-projections?where=key in ("P0001","P0002")` (also `sku in (...)`), `GET /product-projections/key=:key`
 * - `GET /carts?where=customerId in (...) and cartState = "Active"`, `GET /carts/key=:key`,
 *   `POST /carts` with a CartDraft `{ key, customerId, store: { typeId: "store", key: "eu-webshop" }, currency: "EUR", lineItems?: [{ sku, quantity }] }` (201),
 *   `POST /carts/key=:key` with `{ version?, actions: [{ action: "addLineItem", sku, quantity } | { action: "removeLineItem", lineItemKey }] }`
 * - `GET /orders?where=customerId in (...)&sort=createdAt desc`, `GET /orders/order-number=:orderNumber`,
 *   `POST /orders/import`, `POST /orders/order-number=:orderNumber` (see `addOrderWriteRoutes`)
 * - `GET /discount-codes?where=validFrom <= "..." and validUntil >= "..."&expand=cartDiscounts[*]`
 * - `/price-changes` and `/product-discounts` (see `addPricingRoutes`)
 *
 * Query endpoints page with `limit` (≤ 500) / `offset` and answer `{ limit, offset, count, total, results, missing? }`.
 * Every price carries its cost as the custom field `costPrice`. A price changed through
 * `PUT /_admin/prices` or `/price-changes` is posted as a subscription message to `webhooks`.
 * Orders, price changes and product discounts are created once per key; each write is in `GET /_admin/effects`.
 */
export function createCommerceSimulator(data: SeedData, webhooks: Webhooks = webhooksTo(null)): Express {
  const effects = createEffectsLedger();
  const catalog = createCatalog(data);
  const changes = createPriceChangeStore(effects);
  const discounts = createProductDiscountStore(effects);
  const pricing = createPricing(catalog, changes, discounts);
  const carts = createCartStore(data, pricing);
  const orders = createOrderBook(data, catalog.byKey, pricing, effects);
  const discountCodes = createDiscountCodeCollection(data);

  const app = createSimulatorApp('commerce', (admin) => addPriceAdminRoutes(admin, catalog, webhooks), effects);
  app.get('/product-projections', (req, res) => {
    const page = queryCollection(catalog.collection, queryParams(req));
    res.json({ ...page, results: page.results.map(pricing.project) });
  });
  app.get('/product-projections/key=:key', (req, res) => {
    res.json(pricing.project(catalog.byKey.get(req.params.key) ?? notFound('Product', 'key', req.params.key)));
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
    res.json(carts.update(cart, req.body));
  });
  app.get('/orders', (req, res) => {
    res.json(queryCollection(orders.collection, queryParams(req)));
  });
  app.get('/orders/order-number=:orderNumber', (req, res) => {
    res.json(orders.byNumber.get(req.params.orderNumber) ?? notFound('Order', 'orderNumber', req.params.orderNumber));
  });
  addOrderWriteRoutes(app, orders);
  app.get('/discount-codes', (req, res) => {
    const page = queryCollection(discountCodes, queryParams(req));
    const expanded = req.query.expand === 'cartDiscounts[*]';
    res.json({ ...page, results: page.results.map((code) => (expanded ? code : withoutExpansion(code))) });
  });
  addPricingRoutes(app, { catalog, pricing, changes, discounts }, webhooks);
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

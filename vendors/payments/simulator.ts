import express, { type Express } from 'express';
import { createSimulatorApp, finishSimulatorApp } from '../kit/app.js';
import { createEffectsLedger } from '../kit/effects.js';
import type { SeedData } from '../seed/index.js';
import { createPaymentCustomers } from './customers.js';
import { idempotencyKeys } from './idempotency.js';
import { addIntentRoutes } from './intent-routes.js';
import { createIntents } from './intents.js';
import { addRefundRoutes } from './refund-routes.js';

export interface PaymentsSimulatorOptions {
  /** The clock idempotency keys expire by (24 hours); the real one by default. */
  now?: () => number;
}

/**
 * A payment provider in the style of Stripe's API: form-encoded POSTs, amounts in minor units,
 * lowercase currencies, `Idempotency-Key` honoured on every POST for 24 hours, errors as
 * `{ error: { type, code, message } }` (a declined card is a 402 `card_error`).
 *
 * - `POST /v1/payment_intents` (`amount`, `currency`, `customer`, `payment_method`?, `capture_method`,
 *   `confirm=true`, `metadata[…]`): authorizes the customer's default card (`cus_<customer id>`);
 *   the seed's declined-card customers (`vendors/seed/payments.ts`) and `pm_card_chargeDeclined` are declined
 * - `GET /v1/payment_intents/:id`, `GET /v1/payment_intents/search?query=metadata['reference']:'…'`
 *   (read-after-write consistent here; Stripe's search index lags by up to a minute)
 * - `POST /v1/payment_intents/:id/capture`, `POST /v1/payment_intents/:id/cancel` (a void)
 * - `POST /v1/refunds` (`payment_intent`, `amount`?)
 *
 * Authorizations, captures, voids and refunds are listed as effects under `metadata.reference`.
 */
export function createPaymentsSimulator(data: SeedData, options: PaymentsSimulatorOptions = {}): Express {
  const effects = createEffectsLedger();
  const app = createSimulatorApp('payments', undefined, effects);
  // Stripe's `expand[]=…` and `metadata[key]=…`, in query strings as in bodies.
  app.set('query parser', 'extended');
  app.use(express.urlencoded({ extended: true, limit: '100kb' }));
  app.use(idempotencyKeys(options.now));
  const intents = createIntents(effects);
  addIntentRoutes(app, intents, createPaymentCustomers(data));
  addRefundRoutes(app, intents);
  return finishSimulatorApp(app);
}

import type { Express, Response } from 'express';
import type { PaymentCustomers } from './customers.js';
import { sendStripeError } from './errors.js';
import type { Intents, PaymentIntent } from './intents.js';

const MAX_AMOUNT = 99_999_999;

/**
 * Payment intents, confirmed at creation (`confirm=true`), with `capture_method=manual` for an
 * authorization to capture or cancel later. Bodies are form-encoded, as Stripe's; `metadata[…]`
 * is kept and searchable. `expand[]=latest_charge` (`data.latest_charge` in a search) shows the charge.
 */
export function addIntentRoutes(app: Express, intents: Intents, customers: PaymentCustomers): void {
  const present = (intent: PaymentIntent, expand: unknown, path = 'latest_charge') =>
    expandList(expand).includes(path) ? { ...intent, latest_charge: intents.chargeOf(intent) ?? null } : intent;

  app.post('/v1/payment_intents', (req, res) => {
    const params = (req.body ?? {}) as Record<string, unknown>;
    const amount = Number(params.amount);
    const currency = typeof params.currency === 'string' ? params.currency.toLowerCase() : '';
    const captureMethod = params.capture_method ?? 'automatic';
    if (!Number.isInteger(amount) || amount < 1 || amount > MAX_AMOUNT) return invalid(res, 'amount', `Invalid integer: ${String(params.amount)}`);
    if (!/^[a-z]{3}$/.test(currency)) return invalid(res, 'currency', `Invalid currency: ${String(params.currency)}`);
    if (captureMethod !== 'manual' && captureMethod !== 'automatic') return invalid(res, 'capture_method', 'Invalid capture_method');
    if (params.confirm !== 'true') return invalid(res, 'confirm', 'This simulator only creates intents with confirm=true');
    const customer = typeof params.customer === 'string' ? params.customer : undefined;
    const paymentMethod = typeof params.payment_method === 'string' ? params.payment_method : undefined;
    const card = customers.cardFor(customer, paymentMethod);
    if (!card) return sendStripeError(res, 400, { type: 'invalid_request_error', code: 'resource_missing', param: paymentMethod ? 'payment_method' : 'customer', message: 'No such customer or payment method' });
    const metadata = readMetadata(params.metadata);
    if (!metadata) return invalid(res, 'metadata', 'metadata must be string keys and values');
    const intent = intents.create({ amount, currency, customer: customer ?? null, card, captureMethod, metadata });
    if (intent.status === 'requires_payment_method') {
      return sendStripeError(res, 402, { ...intent.last_payment_error!, payment_intent: present(intent, params.expand) });
    }
    res.json(present(intent, params.expand));
  });

  /** Stripe's search query language, as far as an integration looks an intent up by its own key: `metadata['key']:'value'`. */
  app.get('/v1/payment_intents/search', (req, res) => {
    const match = /^metadata\['([\w-]+)'\]:'((?:[^'\\]|\\.)*)'$/.exec(String(req.query.query ?? ''));
    if (!match) return invalid(res, 'query', "Only metadata['key']:'value' queries are supported");
    const found = intents.withMetadata(match[1]!, match[2]!.replace(/\\(.)/g, '$1'));
    res.json({ object: 'search_result', url: '/v1/payment_intents/search', has_more: false, data: found.map((intent) => present(intent, req.query.expand, 'data.latest_charge')) });
  });

  app.get('/v1/payment_intents/:id', (req, res) => {
    const intent = intents.get(req.params.id);
    if (!intent) return noSuchIntent(res, req.params.id);
    res.json(present(intent, req.query.expand));
  });

  app.post('/v1/payment_intents/:id/capture', (req, res) => {
    const intent = intents.get(req.params.id);
    if (!intent) return noSuchIntent(res, req.params.id);
    if (intent.status !== 'requires_capture') return unexpectedState(res, intent, 'capture');
    res.json(present(intents.capture(intent), req.body?.expand));
  });

  app.post('/v1/payment_intents/:id/cancel', (req, res) => {
    const intent = intents.get(req.params.id);
    if (!intent) return noSuchIntent(res, req.params.id);
    if (intent.status === 'succeeded' || intent.status === 'canceled') return unexpectedState(res, intent, 'cancel');
    const reason = typeof req.body?.cancellation_reason === 'string' ? req.body.cancellation_reason : 'requested_by_customer';
    res.json(present(intents.cancel(intent, reason), req.body?.expand));
  });
}

function invalid(res: Response, param: string, message: string): void {
  sendStripeError(res, 400, { type: 'invalid_request_error', code: 'parameter_invalid', param, message });
}

function noSuchIntent(res: Response, id: string): void {
  sendStripeError(res, 404, { type: 'invalid_request_error', code: 'resource_missing', param: 'intent', message: `No such payment_intent: '${id}'` });
}

function unexpectedState(res: Response, intent: PaymentIntent, action: string): void {
  sendStripeError(res, 400, {
    type: 'invalid_request_error',
    code: 'payment_intent_unexpected_state',
    message: `This PaymentIntent could not be ${action === 'capture' ? 'captured' : 'canceled'} because it has a status of ${intent.status}.`,
    payment_intent: intent,
  });
}

/** `expand[]=a&expand[]=b` arrives as a list, a single one as a string. */
function expandList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function readMetadata(value: unknown): Record<string, string> | null {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return Object.values(value).every((entry) => typeof entry === 'string') ? (value as Record<string, string>) : null;
}

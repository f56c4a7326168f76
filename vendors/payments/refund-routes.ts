import type { Express } from 'express';
import { sendStripeError } from './errors.js';
import type { Intents } from './intents.js';

/** `POST /v1/refunds` `payment_intent=…` (and optionally `amount`): gives back what was captured, all of it by default. */
export function addRefundRoutes(app: Express, intents: Intents): void {
  app.post('/v1/refunds', (req, res) => {
    const params = (req.body ?? {}) as Record<string, unknown>;
    const intent = typeof params.payment_intent === 'string' ? intents.get(params.payment_intent) : undefined;
    const charge = intent && intents.chargeOf(intent);
    if (!intent || !charge?.captured) {
      return sendStripeError(res, 400, { type: 'invalid_request_error', code: 'resource_missing', param: 'payment_intent', message: 'No captured charge to refund for this payment_intent' });
    }
    const left = charge.amount_captured - charge.amount_refunded;
    if (left <= 0) return sendStripeError(res, 400, { type: 'invalid_request_error', code: 'charge_already_refunded', message: `Charge ${charge.id} has already been refunded.` });
    const amount = params.amount === undefined ? left : Number(params.amount);
    if (!Number.isInteger(amount) || amount < 1 || amount > left) {
      return sendStripeError(res, 400, { type: 'invalid_request_error', code: 'parameter_invalid', param: 'amount', message: `Refund amount must be 1 to ${left}` });
    }
    res.json(intents.refund(intent, charge, amount));
  });
}

import { randomBytes } from 'node:crypto';
import type { EffectsLedger } from '../kit/effects.js';
import { isDeclined, type CardPaymentMethod } from './customers.js';
import type { StripeError } from './errors.js';

export type IntentStatus = 'requires_payment_method' | 'requires_capture' | 'succeeded' | 'canceled';

/** A Stripe PaymentIntent, as far as this simulator keeps one. Amounts are in minor units. */
export interface PaymentIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  customer: string | null;
  payment_method: string | null;
  capture_method: 'manual' | 'automatic';
  status: IntentStatus;
  cancellation_reason: string | null;
  last_payment_error: StripeError | null;
  latest_charge: string | null;
  metadata: Record<string, string>;
  created: number;
}

/** The charge of an authorized intent: what was captured and what of it was refunded. */
export interface Charge {
  id: string;
  object: 'charge';
  amount: number;
  amount_captured: number;
  amount_refunded: number;
  captured: boolean;
  refunded: boolean;
  payment_intent: string;
}

export interface Refund {
  id: string;
  object: 'refund';
  amount: number;
  charge: string;
  payment_intent: string;
  currency: string;
  status: 'succeeded';
  created: number;
}

export interface IntentRequest {
  amount: number;
  currency: string;
  customer: string | null;
  card: CardPaymentMethod;
  captureMethod: 'manual' | 'automatic';
  metadata: Record<string, string>;
}

/**
 * The provider's ledger of payment intents, charges and refunds, in memory. Each money movement is an
 * effect, under the intent's `metadata.reference` (its id when it has none): `authorization`,
 * `capture`, `void`, `refund`.
 */
export function createIntents(effects: EffectsLedger) {
  const intents = new Map<string, PaymentIntent>();
  const charges = new Map<string, Charge>();
  const record = (kind: string, intent: PaymentIntent, amount: number) =>
    effects.record({ kind, reference: intent.metadata.reference ?? intent.id, payment_intent: intent.id, amount, currency: intent.currency });

  /** Only an intent that `requires_capture`; the caller checks. */
  function capture(intent: PaymentIntent): PaymentIntent {
    const charge = charges.get(intent.latest_charge!)!;
    charge.captured = true;
    charge.amount_captured = intent.amount_capturable;
    intent.amount_received = intent.amount_capturable;
    intent.amount_capturable = 0;
    intent.status = 'succeeded';
    record('capture', intent, intent.amount_received);
    return intent;
  }

  return {
    get: (id: string) => intents.get(id),
    chargeOf: (intent: PaymentIntent) => (intent.latest_charge ? charges.get(intent.latest_charge) : undefined),
    /** Intents whose metadata has `key` set to `value`, newest first, as Stripe's search answers. */
    withMetadata: (key: string, value: string) => [...intents.values()].filter((intent) => intent.metadata[key] === value).reverse(),

    /** Creates and confirms an intent: the card is authorized (and, with automatic capture, charged) or declined. */
    create(request: IntentRequest): PaymentIntent {
      const intent: PaymentIntent = {
        id: newId('pi'),
        object: 'payment_intent',
        amount: request.amount,
        amount_capturable: 0,
        amount_received: 0,
        currency: request.currency,
        customer: request.customer,
        payment_method: request.card.id,
        capture_method: request.captureMethod,
        status: 'requires_payment_method',
        cancellation_reason: null,
        last_payment_error: null,
        latest_charge: null,
        metadata: request.metadata,
        created: Math.floor(Date.now() / 1000),
      };
      intents.set(intent.id, intent);
      if (isDeclined(request.card)) {
        intent.last_payment_error = { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', message: 'Your card was declined.' };
        return intent;
      }
      const charge: Charge = { id: newId('ch'), object: 'charge', amount: intent.amount, amount_captured: 0, amount_refunded: 0, captured: false, refunded: false, payment_intent: intent.id };
      charges.set(charge.id, charge);
      intent.latest_charge = charge.id;
      intent.status = 'requires_capture';
      intent.amount_capturable = intent.amount;
      record('authorization', intent, intent.amount);
      return request.captureMethod === 'automatic' ? capture(intent) : intent;
    },

    capture,

    /** Voids an authorization (or drops an intent that was never authorized); the caller checks it is not captured or canceled. */
    cancel(intent: PaymentIntent, reason: string): PaymentIntent {
      if (intent.status === 'requires_capture') record('void', intent, intent.amount_capturable);
      intent.amount_capturable = 0;
      intent.status = 'canceled';
      intent.cancellation_reason = reason;
      return intent;
    },

    /** Refunds what is left of a captured charge; the caller checks there is something left. */
    refund(intent: PaymentIntent, charge: Charge, amount: number): Refund {
      charge.amount_refunded += amount;
      charge.refunded = charge.amount_refunded >= charge.amount_captured;
      record('refund', intent, amount);
      return { id: newId('re'), object: 'refund', amount, charge: charge.id, payment_intent: intent.id, currency: intent.currency, status: 'succeeded', created: Math.floor(Date.now() / 1000) };
    },
  };
}

export type Intents = ReturnType<typeof createIntents>;

/** Stripe-looking ids: a prefix and 24 random characters. */
function newId(prefix: string): string {
  return `${prefix}_${randomBytes(18).toString('base64url').slice(0, 24)}`;
}

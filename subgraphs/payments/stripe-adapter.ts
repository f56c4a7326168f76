import { vendorBadResponse } from '../../lib/subgraph/vendor-failures.js';
import type { VendorConnection } from '../../lib/subgraph/vendor-client.js';
import type { Payment, PaymentsAdapter, PaymentStatus } from './adapter.js';
import { createStripeClient } from './stripe-client.js';

/** A PaymentIntent as this adapter reads it, with its charge expanded. */
interface StripeIntent {
  id: string;
  amount: number;
  currency: string;
  customer: string | null;
  status: string;
  metadata: { reference?: string; customer_id?: string };
  latest_charge: { refunded: boolean } | string | null;
  last_payment_error: { message?: string } | null;
}

const STATUS: Record<string, (intent: StripeIntent) => PaymentStatus> = {
  requires_capture: () => 'AUTHORIZED',
  succeeded: (intent) => (typeof intent.latest_charge === 'object' && intent.latest_charge?.refunded ? 'REFUNDED' : 'CAPTURED'),
  canceled: () => 'VOIDED',
  requires_payment_method: () => 'DECLINED',
};

const EXPAND_CHARGE = ['latest_charge'];

/**
 * Payments at a Stripe-style provider: a payment is a PaymentIntent with `capture_method=manual`,
 * authorized for `cus_<customer id>`'s default card, our reference in `metadata[reference]`.
 * Each write goes out under an Idempotency-Key derived from the reference (`<reference>`,
 * `<reference>:capture`, `:void`, `:refund`). Stripe forgets keys after 24 hours, so every step
 * first looks its reference up and writes only what is still to be done: a step re-run a day
 * later has no second effect either.
 */
export function createStripeAdapter(connection: VendorConnection): PaymentsAdapter {
  const client = createStripeClient(connection);

  async function find(reference: string): Promise<StripeIntent | null> {
    const query = { query: `metadata['reference']:'${reference.replace(/[\\']/g, '\\$&')}'`, 'expand[]': 'data.latest_charge' };
    const { data } = await client.get<{ data: StripeIntent[] }>('/v1/payment_intents/search', query);
    return data[0] ?? null;
  }

  async function write(path: string, params: Parameters<typeof client.post>[1], idempotencyKey: string): Promise<StripeIntent> {
    const answer = await client.post<StripeIntent | { error: { payment_intent?: StripeIntent } }>(path, params, idempotencyKey);
    if (answer.ok) return answer.body as StripeIntent;
    // A declined card is a 402 that carries the intent, declined: that is the answer, not a failure.
    const declined = answer.status === 402 ? (answer.body as { error?: { payment_intent?: StripeIntent } })?.error?.payment_intent : undefined;
    if (declined) return declined;
    throw answer.error;
  }

  return {
    async authorize({ customerId, amount, currency, reference }) {
      const earlier = await find(reference);
      if (earlier) return toPayment(earlier);
      const params = {
        amount: Math.round(amount * 100),
        currency: currency.toLowerCase(),
        customer: `cus_${customerId}`,
        capture_method: 'manual',
        confirm: 'true',
        expand: EXPAND_CHARGE,
        metadata: { reference, customer_id: customerId },
      };
      return toPayment(await write('/v1/payment_intents', params, reference));
    },

    async capture(reference) {
      const intent = await find(reference);
      if (intent?.status !== 'requires_capture') return intent && toPayment(intent);
      return toPayment(await write(`/v1/payment_intents/${intent.id}/capture`, { expand: EXPAND_CHARGE }, `${reference}:capture`));
    },

    async void(reference) {
      const intent = await find(reference);
      const status = intent && toPayment(intent).status;
      if (status === 'AUTHORIZED') await write(`/v1/payment_intents/${intent!.id}/cancel`, { cancellation_reason: 'abandoned' }, `${reference}:void`);
      else if (status === 'CAPTURED') await write('/v1/refunds', { payment_intent: intent!.id }, `${reference}:refund`);
      else return false;
      return true;
    },
  };
}

function toPayment(intent: StripeIntent): Payment {
  const status = STATUS[intent.status]?.(intent);
  if (!status) throw vendorBadResponse({ vendor: 'payments' }, `a payment intent in status ${intent.status}`);
  return {
    reference: intent.metadata.reference ?? intent.id,
    providerId: intent.id,
    customerId: intent.metadata.customer_id ?? intent.customer?.replace(/^cus_/, '') ?? '',
    amount: intent.amount / 100,
    currency: intent.currency.toUpperCase(),
    status,
    ...(intent.last_payment_error?.message ? { declineMessage: intent.last_payment_error.message } : {}),
  };
}

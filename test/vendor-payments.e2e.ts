import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_TTL_MS } from '../vendors/payments/idempotency.js';
import { createPaymentsSimulator } from '../vendors/payments/simulator.js';
import { DECLINED_CARD_CUSTOMERS } from '../vendors/seed/payments.js';
import { startSimulator, type StartedSimulator } from './support/servers.js';

/** The payment provider simulator, spoken to as a Stripe integration speaks: form-encoded, with idempotency keys. */
let stripe: StartedSimulator;
let clock = Date.now();

beforeAll(async () => {
  stripe = await startSimulator('payments', (seed) => createPaymentsSimulator(seed, { now: () => clock }));
});

beforeEach(() => stripe.admin.reset());

async function post(path: string, params: Record<string, string>, idempotencyKey?: string) {
  const response = await fetch(`${stripe.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body: (await response.json()) as any };
}

const intent = (customer: string, reference: string, extra: Record<string, string> = {}) => ({
  amount: '5899',
  currency: 'eur',
  customer: `cus_${customer}`,
  capture_method: 'manual',
  confirm: 'true',
  'metadata[reference]': reference,
  ...extra,
});

describe('payment intents with manual capture', () => {
  it('authorize, capture once, refund once; each money movement an effect under metadata.reference', async () => {
    const reference = randomUUID();
    const authorized = await post('/v1/payment_intents', intent('C0001', reference));
    expect(authorized).toMatchObject({ status: 200, body: { object: 'payment_intent', status: 'requires_capture', amount: 5899, amount_capturable: 5899, currency: 'eur', metadata: { reference } } });
    const { id } = authorized.body;
    expect((await post(`/v1/payment_intents/${id}/capture`, {})).body).toMatchObject({ status: 'succeeded', amount_received: 5899, amount_capturable: 0 });
    expect((await post(`/v1/payment_intents/${id}/capture`, {})).body.error).toMatchObject({ type: 'invalid_request_error', code: 'payment_intent_unexpected_state' });
    expect((await post(`/v1/payment_intents/${id}/cancel`, {})).status).toBe(400);
    expect((await post('/v1/refunds', { payment_intent: id })).body).toMatchObject({ object: 'refund', amount: 5899, status: 'succeeded' });
    expect((await post('/v1/refunds', { payment_intent: id })).body.error).toMatchObject({ code: 'charge_already_refunded' });
    expect((await stripe.admin.effects(reference)).map((effect) => effect.kind)).toEqual(['authorization', 'capture', 'refund']);
  });

  it('cancel voids an authorization: nothing is captured', async () => {
    const reference = randomUUID();
    const { id } = (await post('/v1/payment_intents', intent('C0002', reference))).body;
    expect((await post(`/v1/payment_intents/${id}/cancel`, { cancellation_reason: 'abandoned' })).body).toMatchObject({ status: 'canceled', cancellation_reason: 'abandoned', amount_capturable: 0 });
    expect((await post(`/v1/payment_intents/${id}/capture`, {})).status).toBe(400);
    expect((await stripe.admin.effects(reference)).map((effect) => effect.kind)).toEqual(['authorization', 'void']);
  });

  it.each([
    ["the seed's declined-card customer", intent(DECLINED_CARD_CUSTOMERS[0]!, 'declined-1')],
    ["Stripe's declined test card", intent('C0001', 'declined-2', { payment_method: 'pm_card_chargeDeclined' })],
  ])('declines %s: a 402 card_error carrying the intent, and no authorization', async (_case, params) => {
    const declined = await post('/v1/payment_intents', params);
    expect(declined.status).toBe(402);
    expect(declined.body.error).toMatchObject({ type: 'card_error', code: 'card_declined', decline_code: 'generic_decline', payment_intent: { status: 'requires_payment_method' } });
    expect(await stripe.admin.effects()).toEqual([]);
  });

  it('finds intents by metadata, with the charge expanded on request', async () => {
    const reference = `order-${randomUUID()}:authorize`;
    const { id } = (await post('/v1/payment_intents', intent('C0003', reference))).body;
    const query = new URLSearchParams({ query: `metadata['reference']:'${reference}'`, 'expand[]': 'data.latest_charge' });
    const found = (await (await fetch(`${stripe.url}/v1/payment_intents/search?${query}`)).json()) as any;
    expect(found).toMatchObject({ object: 'search_result', has_more: false, data: [{ id, latest_charge: { object: 'charge', captured: false, refunded: false } }] });
    const nothing = (await (await fetch(`${stripe.url}/v1/payment_intents/search?query=${encodeURIComponent("metadata['reference']:'none'")}`)).json()) as any;
    expect(nothing.data).toEqual([]);
  });

  it.each([
    ['an amount of 0', { amount: '0' }],
    ['a currency that is no code', { currency: 'euro' }],
    ['an unknown customer', { customer: 'cus_nobody' }],
    ['no confirmation', { confirm: 'false' }],
  ])('refuses %s with a 400 invalid_request_error', async (_case, override) => {
    const refused = await post('/v1/payment_intents', { ...intent('C0001', randomUUID()), ...override });
    expect(refused.status).toBe(400);
    expect(refused.body.error.type).toBe('invalid_request_error');
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer to the same request, marked Idempotent-Replayed, with no second effect', async () => {
    const key = randomUUID();
    const first = await post('/v1/payment_intents', intent('C0004', key), key);
    const again = await post('/v1/payment_intents', intent('C0004', key), key);
    expect(first.replayed).toBeNull();
    expect(again).toEqual({ ...first, replayed: 'true' });
    expect(await stripe.admin.effects(key)).toHaveLength(1);
  });

  it('replays errors too: a declined card stays declined under its key', async () => {
    const key = randomUUID();
    const params = intent(DECLINED_CARD_CUSTOMERS[0]!, key);
    const first = await post('/v1/payment_intents', params, key);
    expect(await post('/v1/payment_intents', params, key)).toEqual({ ...first, replayed: 'true' });
  });

  it('refuses the same key with other parameters', async () => {
    const key = randomUUID();
    await post('/v1/payment_intents', intent('C0005', key), key);
    const other = await post('/v1/payment_intents', { ...intent('C0005', key), amount: '100' }, key);
    expect(other.status).toBe(400);
    expect(other.body.error.type).toBe('idempotency_error');
  });

  it('is forgotten after 24 hours: the same request then runs again', async () => {
    const key = randomUUID();
    await post('/v1/payment_intents', intent('C0006', key), key);
    clock += IDEMPOTENCY_KEY_TTL_MS + 1;
    const later = await post('/v1/payment_intents', intent('C0006', key), key);
    expect(later.replayed).toBeNull();
    expect(await stripe.admin.effects(key)).toHaveLength(2);
  });

  it('keeps the answer of a write whose response was lost, for the retry', async () => {
    const key = randomUUID();
    await stripe.admin.setFaults({ routes: { 'POST /v1/payment_intents': { actedResponseLost: true } } });
    await expect(post('/v1/payment_intents', intent('C0007', key), key)).rejects.toThrow();
    await stripe.admin.setFaults({});
    const retried = await post('/v1/payment_intents', intent('C0007', key), key);
    expect(retried).toMatchObject({ status: 200, replayed: 'true', body: { status: 'requires_capture' } });
    expect(await stripe.admin.effects(key)).toHaveLength(1);
  });
});

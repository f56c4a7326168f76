import { randomUUID } from 'node:crypto';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPaymentsSubgraph } from '../subgraphs/payments/server.js';
import { createStripeAdapter } from '../subgraphs/payments/stripe-adapter.js';
import { IDEMPOTENCY_KEY_TTL_MS } from '../vendors/payments/idempotency.js';
import { createPaymentsSimulator } from '../vendors/payments/simulator.js';
import { DECLINED_CARD_CUSTOMERS } from '../vendors/seed/payments.js';
import { internalGraphql, TEST_INTERNAL_CALL_SECRET } from './support/internal-calls.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './support/servers.js';

/** The payments subgraph over the Stripe-style simulator: authorize, capture once, void or refund, by reference. */
let provider: StartedSimulator;
let url: string;
let clock = Date.now();

beforeAll(async () => {
  provider = await startSimulator('payments', (seed) => createPaymentsSimulator(seed, { now: () => clock }));
  url = (await startGraphQL(createPaymentsSubgraph(createStripeAdapter({ baseUrl: provider.url }), { internalCallSecret: TEST_INTERNAL_CALL_SECRET }))).url;
});

beforeEach(() => provider.admin.reset());

const AUTHORIZE = `mutation ($customerId: ID!, $amount: Float!, $currency: String!, $reference: String!) {
  authorizePayment(customerId: $customerId, amount: $amount, currency: $currency, reference: $reference) { id reference customerId amount currency status }
}`;
const CAPTURE = 'mutation ($reference: String!) { capturePayment(reference: $reference) { id status amount } }';
const VOID = 'mutation ($reference: String!) { voidPayment(reference: $reference) { reference undone } }';

const authorize = (reference: string, overrides: Record<string, unknown> = {}) =>
  internalGraphql(url, AUTHORIZE, { customerId: 'C0001', amount: 58.99, currency: 'EUR', reference, ...overrides });
const capture = (reference: string) => internalGraphql(url, CAPTURE, { reference });
const voidPayment = (reference: string) => internalGraphql(url, VOID, { reference });
const kinds = async (reference: string) => (await provider.admin.effects(reference)).map((effect) => effect.kind);

describe('authorizePayment, capturePayment, voidPayment', () => {
  it('authorizes the amount in major units, captures it, and a void after the capture refunds it', async () => {
    const reference = `${randomUUID()}:payment`;
    const authorized = await authorize(reference);
    expect(authorized.errors).toBeUndefined();
    expect(authorized.data!.authorizePayment).toEqual({ id: expect.stringMatching(/^pi_/), reference, customerId: 'C0001', amount: 58.99, currency: 'EUR', status: 'AUTHORIZED' });
    expect((await capture(reference)).data!.capturePayment).toEqual({ id: authorized.data!.authorizePayment.id, status: 'CAPTURED', amount: 58.99 });
    expect((await voidPayment(reference)).data!.voidPayment).toEqual({ reference, undone: true });
    expect(await kinds(reference)).toEqual(['authorization', 'capture', 'refund']);
    expect((await provider.admin.effects(reference)).map((effect) => effect.amount)).toEqual([5899, 5899, 5899]);
  });

  it('refuses a declined card with reason DECLINED, again for the same reference, with nothing authorized', async () => {
    const reference = `${randomUUID()}:payment`;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const declined = await authorize(reference, { customerId: DECLINED_CARD_CUSTOMERS[0] });
      expect(declined.data).toBeNull();
      expect(declined.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DECLINED' });
    }
    expect((await capture(reference)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_CAPTURABLE', status: 'DECLINED' });
    expect((await voidPayment(reference)).data!.voidPayment).toEqual({ reference, undone: false });
    expect(await kinds(reference)).toEqual([]);
  });

  it('refuses to capture what was never authorized, or was voided', async () => {
    const reference = `${randomUUID()}:payment`;
    expect((await capture(reference)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_PAYMENT' });
    await authorize(reference);
    await voidPayment(reference);
    expect((await capture(reference)).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOT_CAPTURABLE', status: 'VOIDED' });
    expect(await kinds(reference)).toEqual(['authorization', 'void']);
  });

  it('authorizes once per reference even after the provider forgot its idempotency key (24 hours later)', async () => {
    const reference = `${randomUUID()}:payment`;
    const first = await authorize(reference);
    clock += IDEMPOTENCY_KEY_TTL_MS + 60_000;
    const dayLater = await authorize(reference);
    expect(dayLater).toEqual(first);
    expect(await kinds(reference)).toEqual(['authorization']);
  });

  it.each([
    ['an amount of 0', { amount: 0 }],
    ['a fraction of a cent', { amount: 10.001 }],
    ['a currency of no region', { currency: 'JPY' }],
    ['a customer id that is none', { customerId: "C0001' OR 1=1" }],
    ['a reference of 201 characters', { reference: 'r'.repeat(201) }],
  ])('refuses %s with BAD_USER_INPUT, calling no vendor', async (_case, overrides) => {
    const refused = await authorize(`${randomUUID()}:payment`, overrides);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await provider.admin.calls()).total).toBe(0);
  });

  it('reports VENDOR_UNAVAILABLE when the provider is down', async () => {
    await provider.admin.setFaults({ failRate: 1 });
    const failed = await authorize(`${randomUUID()}:payment`);
    expect(failed.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'payments' });
  });
});

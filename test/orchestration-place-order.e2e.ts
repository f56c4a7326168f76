import { describe, expect, it } from 'vitest';
import { scratchDatabaseOrSkip } from '../lib/postgres/scratch-database.js';
import type { Principal } from '../policies/principal.js';
import { useOrchestration } from './support/orchestration-stack.js';
import { effectList, placedOrderEffects } from './support/vendor-effects.js';

/**
 * `placeOrder` over the real domain subgraphs and vendor simulators: reserve → authorize → order → book →
 * capture, once per idempotency key whatever the timing, nothing written in a dry run or on a refusal.
 */
const database = await scratchDatabaseOrSkip('test/orchestration-place-order.e2e.ts');

const PLACE_ORDER = `mutation PlaceOrder($region: String!, $lines: [PlaceOrderLineInput!]!, $shipDate: String, $key: String!, $dryRun: Boolean) {
  placeOrder(customerId: "C0001", region: $region, lines: $lines, shipDate: $shipDate, idempotencyKey: $key, dryRun: $dryRun, reason: "the customer asked") {
    id status dryRun error
    plan { name subgraph mutation reference compensation }
    guardrails { guardrail decision subject limit value }
    steps { name status reference error compensation { status } }
  }
}`;

const SKU = 'SKU-10002-01';
const agent: Principal = { kind: 'agent', id: 'shop-bot', scopes: ['orders:place'], onBehalfOf: 'C0001' };

describe.runIf(database)('placeOrder', () => {
  const stack = useOrchestration(database!);

  const order = (key: string, options: { quantity?: number; shipDate?: string; dryRun?: boolean; region?: string } = {}) =>
    stack.as(agent, PLACE_ORDER, { region: options.region ?? 'EU', lines: [{ sku: SKU, quantity: options.quantity ?? 1 }], shipDate: options.shipDate, key, dryRun: options.dryRun ?? false });

  const available = () => stack.available(SKU, 'EU');

  it('runs each step once, in order, and records each in the audit log', async () => {
    const before = await available();
    const { data, errors } = await order('happy');
    expect(errors).toBeUndefined();
    const result = data!.placeOrder;
    expect(result.status).toBe('COMPLETED');
    expect(result.steps.map((step: { name: string; status: string }) => `${step.name} ${step.status}`)).toEqual([
      'reserve-stock-1 DONE',
      'authorize-payment DONE',
      'create-order DONE',
      'book-fulfillment-1 DONE',
      'capture-payment DONE',
    ]);
    const id = result.id;
    expect(effectList(await stack.domain.effects()).sort()).toEqual(placedOrderEffects(id));
    expect(await available()).toBe(before - 1);
    expect(await stack.auditTrail(id)).toEqual([
      'guardrails allowed',
      'reserve-stock-1 succeeded',
      'authorize-payment succeeded',
      'create-order succeeded',
      'book-fulfillment-1 succeeded',
      'capture-payment succeeded',
      'outcome succeeded',
    ]);
    const { rows } = await stack.pool.query('SELECT principal, on_behalf_of, reason FROM audit.records WHERE action_id = $1', [id]);
    for (const row of rows) expect(row).toEqual({ principal: 'agent:shop-bot', on_behalf_of: 'customer:C0001', reason: 'the customer asked' });
  });

  it('plans and judges in a dry run, writes nothing, and leaves the key unused', async () => {
    const { data, errors } = await order('dry', { dryRun: true });
    expect(errors).toBeUndefined();
    const result = data!.placeOrder;
    expect(result).toMatchObject({ status: 'DRY_RUN', dryRun: true, steps: [] });
    expect(result.plan.map((step: { name: string; mutation: string; compensation: string | null }) => `${step.name}: ${step.mutation} / ${step.compensation}`)).toEqual([
      'reserve-stock-1: reserveStock / releaseStockReservation',
      'authorize-payment: authorizePayment / voidPayment',
      'create-order: createOrder / cancelOrder',
      'book-fulfillment-1: bookFulfillment / cancelFulfillmentBooking',
      'capture-payment: capturePayment / null',
    ]);
    expect(result.guardrails.map((verdict: { guardrail: string; decision: string }) => `${verdict.guardrail} ${verdict.decision}`)).toEqual(['safety-stock ALLOW', 'warehouse-capacity ALLOW', 'agent-money-per-day ALLOW']);
    expect(await stack.domain.effects()).toEqual(Object.fromEntries(Object.keys(stack.domain.vendors).map((vendor) => [vendor, []])));
    const { rowCount } = await stack.pool.query('SELECT 1 FROM orchestration.actions WHERE id = $1 UNION ALL SELECT 1 FROM audit.records WHERE action_id = $1', [result.id]);
    expect(rowCount).toBe(0);
    // The key is free: a real run with other input under it is a first run.
    const real = await order('dry', { quantity: 2 });
    expect(real.errors).toBeUndefined();
    expect(real.data!.placeOrder).toMatchObject({ id: result.id, status: 'COMPLETED' });
  });

  it('answers the same key with the same input from the first run, with no second effect', async () => {
    const first = await order('twice');
    const second = await order('twice');
    expect(second.data!.placeOrder).toEqual(first.data!.placeOrder);
    expect(effectList(await stack.domain.effects())).toHaveLength(5);
  });

  it('runs one order for one key sent five times at once', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => order('at-once')));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(new Set(answers.map((answer) => answer.data!.placeOrder.id)).size).toBe(1);
    expect(answers.map((answer) => answer.data!.placeOrder.status)).toEqual(Array(5).fill('COMPLETED'));
    expect(effectList(await stack.domain.effects())).toHaveLength(5);
  });

  it('refuses the same key with other input, and writes nothing more', async () => {
    const first = await order('reused');
    const effects = effectList(await stack.domain.effects());
    const { data, errors } = await order('reused', { quantity: 3 });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', actionId: first.data!.placeOrder.id, idempotencyKey: 'reused' });
    expect(effectList(await stack.domain.effects())).toEqual(effects);
  });

  it('refuses to sell into safety stock, naming the guardrail and its limit, with no vendor write', async () => {
    const units = await available();
    const { data, errors } = await order('too-many', { quantity: units + 1 });
    expect(data).toBeNull();
    expect(errors![0]!.extensions).toMatchObject({
      code: 'GUARDRAIL_REFUSED',
      guardrail: 'safety-stock',
      limit: `${units} units above safety stock in EU`,
      value: `${units + 1} units`,
      subject: SKU,
    });
    expect(effectList(await stack.domain.effects())).toEqual([]);
    // The refusal is the action's answer under its key: asked again, refused again, still nothing written.
    expect((await order('too-many', { quantity: units + 1 })).errors![0]!.extensions!.code).toBe('GUARDRAIL_REFUSED');
    expect(effectList(await stack.domain.effects())).toEqual([]);
  });

  it('refuses a ship date no warehouse of the region has capacity for, with no vendor write', async () => {
    const full = await dayWithoutCapacity();
    const { errors } = await order('full-day', { shipDate: full.date, region: 'UK' });
    expect(errors![0]!.extensions).toMatchObject({ code: 'GUARDRAIL_REFUSED', guardrail: 'warehouse-capacity', limit: full.limit });
    expect(effectList(await stack.domain.effects())).toEqual([]);
  });

  /** A day in the next weeks on which the UK's one warehouse cannot ship the sku (about one in eight is full), found with dry runs. */
  async function dayWithoutCapacity(): Promise<{ date: string; limit: string }> {
    for (let offset = 1; offset <= 40; offset++) {
      const date = new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const { data } = await order(`probe-${date}`, { shipDate: date, dryRun: true, region: 'UK' });
      const verdict = data!.placeOrder.guardrails.find((v: { guardrail: string }) => v.guardrail === 'warehouse-capacity');
      if (verdict.decision === 'DENY') return { date, limit: verdict.limit };
    }
    throw new Error('no full day for the UK warehouse in 40 days');
  }
});

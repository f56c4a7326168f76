import { describe, expect, it } from 'vitest';
import { scratchDatabaseOrSkip } from '../lib/postgres/scratch-database.js';
import { GUARDRAIL_LIMITS, type GuardrailLimits } from '../policies/guardrails/limits.js';
import { formatMoney } from '../policies/guardrails/money.js';
import type { Principal } from '../policies/principal.js';
import { todayUtc } from '../subgraphs/orchestration/actions/today.js';
import { agentMoneyLedger } from '../subgraphs/orchestration/store/agent-money.js';
import { useOrchestration } from './support/orchestration-stack.js';
import { effectList } from './support/vendor-effects.js';

/**
 * agent-money-per-day over the real stack: what one agent moves per UTC day (orders placed, credits
 * issued, whomever for) is reserved in PostgreSQL inside the action, atomically with its verdict, and
 * given back when the action leaves no effect. Customers and staff are not held to it.
 */
const database = await scratchDatabaseOrSkip('test/actions-agent-money.e2e.ts');

/** 1,000 EUR a day per agent; credits up to that need no approval here, so each is granted or refused at once. */
const LIMITS: GuardrailLimits = {
  ...GUARDRAIL_LIMITS,
  agentMoneyPerDay: { EUR: 1000, USD: 1100, GBP: 900 },
  goodwillApprovalThreshold: { EUR: 1000, USD: 1100, GBP: 900 },
};
const LIMIT_CENTS = 100_000;
/** Actions asking for the last of a budget at once. */
const RACERS = 6;

const PLACE_ORDER = `mutation PlaceOrder($key: String!, $dryRun: Boolean) {
  placeOrder(customerId: "C0001", region: "EU", lines: [{ sku: "SKU-10002-01", quantity: 1 }], idempotencyKey: $key, dryRun: $dryRun) {
    id status error
    guardrails { guardrail decision subject limit value }
  }
}`;

const CREDIT = `mutation Credit($customerId: ID!, $amount: Float!, $currency: String!, $key: String!) {
  issueGoodwillCredit(customerId: $customerId, amount: $amount, currency: $currency, idempotencyKey: $key) {
    id status error
    guardrails { guardrail decision }
  }
}`;

const agent = (id: string, onBehalfOf = 'C0001'): Principal => ({ kind: 'agent', id, scopes: ['orders:place', 'credits:issue'], onBehalfOf });
const supervisor: Principal = { kind: 'staff', id: 'S-SUP', roles: ['service'] };

type Answer = { data?: Record<string, any> | null; errors?: { extensions?: Record<string, any> }[] };

describe.runIf(database)('agent-money-per-day', () => {
  const stack = useOrchestration(database!, { guardrailLimits: LIMITS });

  const order = (by: Principal, key: string, dryRun = false) => stack.as(by, PLACE_ORDER, { key, dryRun });
  const credit = (by: Principal, amount: number, key: string, { currency = 'EUR', customerId = 'C0001' } = {}) =>
    stack.as(by, CREDIT, { customerId, amount, currency, key });
  const statusOf = (answer: Answer) => answer.data?.placeOrder?.status ?? answer.data?.issueGoodwillCredit?.status ?? answer.errors?.[0]?.extensions?.code;
  const reserved = async (actionId: string) =>
    (await stack.pool.query<{ cents: string }>('SELECT amount_cents::text AS cents FROM orchestration.agent_money WHERE action_id = $1', [actionId])).rows.map((row) => Number(row.cents));
  const effectsOf = async (actionId: string) => effectList(await stack.domain.effects()).filter((effect) => effect.includes(actionId));

  it('passes an agent’s orders within its limit, the order’s total reserved, and refuses the one that would cross it, with no vendor write', async () => {
    const bot = agent('order-bot');
    const dry = (await order(bot, 'dry', true)).data!.placeOrder;
    expect(dry.guardrails).toContainEqual(expect.objectContaining({ guardrail: 'agent-money-per-day', decision: 'ALLOW', value: expect.stringMatching(/^0\.00 EUR moved today \+ /) }));
    expect(await reserved(dry.id)).toEqual([]);

    const first = (await order(bot, 'order-1')).data!.placeOrder;
    expect(first.status).toBe('COMPLETED');
    const authorization = (await stack.domain.effects()).payments.find((effect) => effect.kind === 'authorization' && effect.reference === `${first.id}:authorize-payment`)!;
    const [price] = await reserved(first.id);
    expect(price).toBe(authorization.amount);

    const fitting = Math.floor(LIMIT_CENTS / price!);
    for (let i = 2; i <= fitting; i++) expect(statusOf(await order(bot, `order-${i}`))).toBe('COMPLETED');
    const { data, errors } = await order(bot, 'order-crossing');
    expect(data).toBeNull();
    const refusal = errors![0]!.extensions!;
    expect(refusal).toMatchObject({
      code: 'GUARDRAIL_REFUSED',
      guardrail: 'agent-money-per-day',
      subject: 'agent:order-bot',
      limit: '1,000.00 EUR per day',
      value: `${formatMoney(fitting * price!, 'EUR')} moved today + ${formatMoney(price!, 'EUR')}`,
    });
    expect(await effectsOf(refusal.actionId)).toEqual([]);
    expect(await reserved(refusal.actionId)).toEqual([]);
    // A dry run shows the refusal from the day's sum, and reserves nothing.
    const again = (await order(bot, 'dry-again', true)).data!.placeOrder;
    expect(again.guardrails).toContainEqual(expect.objectContaining({ guardrail: 'agent-money-per-day', decision: 'DENY' }));
    expect(await reserved(again.id)).toEqual([]);
  });

  it('counts the agent’s own id, whomever it acts for, per currency; another agent has its own budget; staff are not held to it', async () => {
    const bot = agent('credit-bot');
    expect(statusOf(await credit(bot, 600, 'a-1'))).toBe('COMPLETED');
    expect(statusOf(await credit(bot, 400, 'a-2'))).toBe('COMPLETED');
    const refused = await credit(bot, 0.01, 'a-3');
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'GUARDRAIL_REFUSED', guardrail: 'agent-money-per-day', value: '1,000.00 EUR moved today + 0.01 EUR' });
    expect(statusOf(await credit(agent('credit-bot', 'C0002'), 1, 'a-4', { customerId: 'C0002' }))).toBe('GUARDRAIL_REFUSED');
    expect(statusOf(await credit(bot, 1100, 'a-5', { currency: 'USD' }))).toBe('COMPLETED');

    expect(statusOf(await credit(agent('other-bot'), 1000, 'b-1'))).toBe('COMPLETED');
    const staff = await credit(supervisor, 1000, 'staff-1');
    expect(staff.data!.issueGoodwillCredit).toMatchObject({ status: 'COMPLETED', guardrails: [{ guardrail: 'goodwill-approval', decision: 'ALLOW' }] });
  });

  it('gives back the reservation of an order that was undone', async () => {
    const bot = agent('undo-bot');
    await stack.domain.vendors.payments.admin.setFaults({ routes: { 'POST /v1/payment_intents/:id/capture': { failRate: 1, failStatus: 503 } } });
    const undone = (await order(bot, 'capture-fails')).data!.placeOrder;
    expect(undone.status).toBe('COMPENSATED');
    expect(await reserved(undone.id)).toEqual([]);
    expect(statusOf(await credit(bot, 1000, 'whole-budget'))).toBe('COMPLETED');
  });

  it('lets only one of several concurrent actions take the last of the budget', async () => {
    const bot = agent('race-bot');
    expect(statusOf(await credit(bot, 600, 'first'))).toBe('COMPLETED');
    const answers = await Promise.all(Array.from({ length: RACERS }, (_, i) => credit(bot, 400, `last-${i}`)));
    expect(answers.map(statusOf).sort()).toEqual(['COMPLETED', ...Array(RACERS - 1).fill('GUARDRAIL_REFUSED')]);
    const credits = effectList(await stack.domain.effects()).filter((effect) => effect.startsWith('crm goodwill-credit '));
    expect(credits).toHaveLength(2);
  });

  it('reserves once for an idempotency key asked again, also at once', async () => {
    const bot = agent('repeat-bot');
    const answers = await Promise.all([credit(bot, 600, 'same'), credit(bot, 600, 'same'), credit(bot, 600, 'same')]);
    expect(answers.map(statusOf)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(statusOf(await credit(bot, 600, 'same'))).toBe('COMPLETED');
    expect(await reserved(answers[0]!.data!.issueGoodwillCredit.id)).toEqual([60_000]);
    expect(statusOf(await credit(bot, 400, 'rest'))).toBe('COMPLETED');
  });

  it('finds its own reservation when recovery runs the claim again, and releases it', async () => {
    const ledger = agentMoneyLedger(stack.pool, LIMITS);
    const day = todayUtc();
    const whole = { amount: 1000, currency: 'EUR' };
    expect((await ledger.reserve('act_ledger-1', 'ledger-bot', whole, day)).decision).toBe('ALLOW');
    expect((await ledger.reserve('act_ledger-1', 'ledger-bot', whole, day)).decision).toBe('ALLOW');
    expect(await reserved('act_ledger-1')).toEqual([LIMIT_CENTS]);
    expect((await ledger.reserve('act_ledger-2', 'ledger-bot', { amount: 0.01, currency: 'EUR' }, day)).decision).toBe('DENY');
    expect(await reserved('act_ledger-2')).toEqual([]);
    await ledger.release('act_ledger-1');
    expect(await ledger.moved('ledger-bot', day, 'EUR', 'act_ledger-2')).toEqual({ amount: 0, currency: 'EUR' });
  });

  it('sums and reserves under one lock: of many reservations at once, only those within the budget are taken', async () => {
    const ledger = agentMoneyLedger(stack.pool, LIMITS);
    const verdicts = await Promise.all(Array.from({ length: 10 }, (_, i) => ledger.reserve(`act_crowd-${i}`, 'crowd-bot', { amount: 400, currency: 'EUR' }, todayUtc())));
    expect(verdicts.filter((verdict) => verdict.decision === 'ALLOW')).toHaveLength(2);
    expect(await ledger.moved('crowd-bot', todayUtc(), 'EUR', 'none')).toEqual({ amount: 800, currency: 'EUR' });
  });
});

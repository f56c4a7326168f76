import { describe, expect, it } from 'vitest';
import { scratchDatabaseOrSkip } from '../lib/postgres/scratch-database.js';
import type { Principal } from '../policies/principal.js';
import { until, useOrchestration } from './support/orchestration-stack.js';
import { effectList } from './support/vendor-effects.js';

/**
 * `issueGoodwillCredit`: within the threshold it is granted at once; above it, it waits inside its workflow
 * for a staff member's decision (never the requester's own), and no decision in time rejects it.
 */
const database = await scratchDatabaseOrSkip('test/actions-goodwill.e2e.ts');
const APPROVAL_TIMEOUT_SECONDS = 3;

const CREDIT = `mutation Credit($amount: Float!, $key: String!) {
  issueGoodwillCredit(customerId: "C0001", amount: $amount, currency: "EUR", idempotencyKey: $key, reason: "parcel arrived late") {
    id status error
    guardrails { guardrail decision limit value }
    steps { name status }
    approval { decision by reason }
  }
}`;
const APPROVE = `mutation Approve($id: ID!) { approveAction(id: $id, reason: "loyal customer") { id status approval { decision by reason } steps { name status } } }`;
const REJECT = `mutation Reject($id: ID!) { rejectAction(id: $id, reason: "too generous") { id status approval { decision by reason } steps { name status } } }`;

const supportBot: Principal = { kind: 'agent', id: 'support-bot', scopes: ['credits:issue'], onBehalfOf: 'C0001' };
const supervisor: Principal = { kind: 'staff', id: 'S-SUP', roles: ['service'] };
const clerk: Principal = { kind: 'staff', id: 'S-CLERK', roles: ['service'] };

describe.runIf(database)('issueGoodwillCredit', () => {
  const stack = useOrchestration(database!, { approvalTimeoutSeconds: APPROVAL_TIMEOUT_SECONDS });

  const credit = (amount: number, key: string, by: Principal = supportBot) => stack.as(by, CREDIT, { amount, key });
  const credits = async () => effectList(await stack.domain.effects()).filter((effect) => effect.startsWith('crm goodwill-credit '));

  it('grants a credit within the threshold at once', async () => {
    const { data, errors } = await credit(20, 'small');
    expect(errors).toBeUndefined();
    expect(data!.issueGoodwillCredit).toMatchObject({
      status: 'COMPLETED',
      guardrails: [
        { guardrail: 'goodwill-approval', decision: 'ALLOW', limit: '50.00 EUR' },
        { guardrail: 'agent-money-per-day', decision: 'ALLOW', value: '0.00 EUR moved today + 20.00 EUR' },
      ],
    });
    expect(await credits()).toEqual([`crm goodwill-credit ${data!.issueGoodwillCredit.id}:issue-credit`]);
  });

  it('waits for approval above the threshold, then grants it once a supervisor approves', async () => {
    const { data } = await credit(120, 'large');
    const pending = data!.issueGoodwillCredit;
    expect(pending).toMatchObject({ status: 'PENDING_APPROVAL', steps: [], guardrails: [{ decision: 'NEEDS_APPROVAL', value: '120.00 EUR' }, { guardrail: 'agent-money-per-day', decision: 'ALLOW' }] });
    expect(await credits()).toEqual([]);
    // Asked again while it waits: the same action, still waiting, nothing started twice.
    expect((await credit(120, 'large')).data!.issueGoodwillCredit).toMatchObject({ id: pending.id, status: 'PENDING_APPROVAL' });
    const listed = await stack.as(supervisor, '{ actions(status: PENDING_APPROVAL) { id } }');
    expect(listed.data!.actions).toContainEqual({ id: pending.id });

    const approved = await stack.as(supervisor, APPROVE, { id: pending.id });
    expect(approved.data!.approveAction).toMatchObject({
      id: pending.id,
      status: 'COMPLETED',
      approval: { decision: 'APPROVED', by: 'staff:S-SUP', reason: 'loyal customer' },
      steps: [{ name: 'issue-credit', status: 'DONE' }],
    });
    expect(await credits()).toEqual([`crm goodwill-credit ${pending.id}:issue-credit`]);
    // Approving again changes nothing; the first request's key now answers the finished action.
    expect((await stack.as(supervisor, APPROVE, { id: pending.id })).data!.approveAction.status).toBe('COMPLETED');
    expect((await credit(120, 'large')).data!.issueGoodwillCredit.status).toBe('COMPLETED');
    expect(await credits()).toHaveLength(1);
    expect(await stack.auditTrail(pending.id)).toEqual(['guardrails allowed', 'approval-requested pending_approval', 'approval approved', 'issue-credit succeeded', 'outcome succeeded']);
  });

  it('writes nothing when a supervisor rejects', async () => {
    const { data } = await credit(80, 'rejected');
    const rejected = await stack.as(supervisor, REJECT, { id: data!.issueGoodwillCredit.id });
    expect(rejected.data!.rejectAction).toMatchObject({ status: 'REJECTED', approval: { decision: 'REJECTED', by: 'staff:S-SUP' }, steps: [] });
    expect(await credits()).toEqual([]);
  });

  it('rejects a credit nobody decides on in time', async () => {
    const { data } = await credit(75, 'expires');
    const { id } = data!.issueGoodwillCredit;
    await until(async () => (await stack.as(supervisor, `{ action(id: "${id}") { status } }`)).data!.action.status === 'REJECTED', (APPROVAL_TIMEOUT_SECONDS + 10) * 1000);
    // A late approval finds it decided: it is answered as it stands, and nothing is written.
    const late = await stack.as(supervisor, APPROVE, { id });
    expect(late.data!.approveAction).toMatchObject({ status: 'REJECTED', approval: { decision: 'EXPIRED', by: null } });
    expect(await credits()).toEqual([]);
    expect(await stack.auditTrail(id)).toContain('approval expired');
  });

  it('lets nobody approve their own action, and only staff approve', async () => {
    const { data } = await credit(90, 'own', clerk);
    const { id } = data!.issueGoodwillCredit;
    expect((await stack.as(clerk, APPROVE, { id })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await stack.as(supportBot, APPROVE, { id })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await stack.as(supervisor, APPROVE, { id })).data!.approveAction.status).toBe('COMPLETED');
  });

  it('never lets customers credit themselves', async () => {
    const { errors } = await credit(5, 'self', { kind: 'customer', id: 'C0001' });
    expect(errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(await credits()).toEqual([]);
  });
});

import { createPublicKey } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readCheckpoints } from '../lib/audit/checkpoint-file.js';
import { verifyAuditChain } from '../lib/audit/verify.js';
import { openPool, type Pool } from '../lib/postgres/pool.js';
import { scratchDatabaseOrSkip } from '../lib/postgres/scratch-database.js';
import type { Principal } from '../policies/principal.js';
import { actionIdOf } from '../subgraphs/orchestration/actions/identity.js';
import { freePort, type TsProcess } from './support/process.js';
import { callerAs, orchestrationProcessEnv, startDomainStack, startOrchestrationProcess, until, type Caller, type DomainStack } from './support/orchestration-stack.js';
import { effectList, placedOrderEffects } from './support/vendor-effects.js';

/**
 * Two orchestration subgraph processes, as `npm start` runs them with `DATABASE_URL` set, on one
 * PostgreSQL: each its own executor id, both the same secret, audit key and checkpoint file. An action
 * sent to either runs once; the records of both form one hash chain that verifies against the checkpoints
 * they publish; an instance killed mid-action finishes it when it restarts under its executor id, while
 * the other serves on. Counted at the vendors.
 */
const database = await scratchDatabaseOrSkip('test/orchestration-instances.e2e.ts');

const customer: Principal = { kind: 'customer', id: 'C0001' };
const PLACE_ORDER = `mutation ($key: String!, $shipDate: String) {
  placeOrder(customerId: "C0001", region: "EU", lines: [{ sku: "SKU-10002-01", quantity: 1 }], shipDate: $shipDate, idempotencyKey: $key) { id status }
}`;
/** The audit records of a completed one-line `placeOrder`, one per decision and step, in chain order. */
const PLACE_ORDER_TRAIL = ['guardrails', 'reserve-stock-1', 'authorize-payment', 'create-order', 'book-fulfillment-1', 'capture-payment', 'outcome'];
const CONCURRENT_ORDERS = 20;

interface Instance {
  executorId: string;
  env: NodeJS.ProcessEnv;
  process?: TsProcess;
  as: Caller;
}

describe.runIf(database)('two orchestration instances on one PostgreSQL', () => {
  let domain: DomainStack;
  let pool: Pool;
  let instances: [Instance, Instance];
  let shipDate: string;

  beforeAll(async () => {
    domain = await startDomainStack();
    pool = await openPool(database!.url);
    // Checkpoints every few records, and of the head a second after the last append.
    const shared = orchestrationProcessEnv(domain, database!.url, { AUDIT_CHECKPOINT_EVERY_RECORDS: '5', AUDIT_CHECKPOINT_EVERY_SECONDS: '1' });
    const instance = async (executorId: string): Promise<Instance> => {
      const port = String(await freePort());
      return { executorId, env: { ...shared, PORT: port, ORCHESTRATION_EXECUTOR_ID: executorId }, as: callerAs(`http://127.0.0.1:${port}`, domain.secret) };
    };
    instances = [await instance('instance-a'), await instance('instance-b')];
    // At once, on an empty database: DBOS's own tables are created by one instance at a time (migrate-dbos.ts).
    await Promise.all(instances.map(async (started) => (started.process = await startOrchestrationProcess(started.env))));
    shipDate = await roomyShipDate(CONCURRENT_ORDERS * 2);
  }, 180_000);
  afterAll(async () => {
    for (const instance of instances ?? []) {
      instance.process?.child.kill('SIGKILL');
      await instance.process?.exited;
    }
    if (instances) rmSync(dirname(instances[0].env.AUDIT_CHECKPOINT_FILE!), { recursive: true, force: true });
    await pool?.end();
    await database?.drop();
  });
  beforeEach(() => domain.resetVendors());

  const order = (instance: Instance, key: string) => instance.as(customer, PLACE_ORDER, { key, shipDate });

  it('runs orders sent to both at once each once, their records in one chain that verifies', async () => {
    const keys = Array.from({ length: CONCURRENT_ORDERS }, (_, i) => `concurrent-${i}`);
    const askedOf = keys.map((_, i) => instances[i % 2]!);
    const answers = await Promise.all(keys.map((key, i) => order(askedOf[i]!, key)));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(answers.map((answer) => answer.data!.placeOrder.status)).toEqual(Array(CONCURRENT_ORDERS).fill('COMPLETED'));
    const ids: string[] = answers.map((answer) => answer.data!.placeOrder.id);

    const effects = await domain.effects();
    expect(effects.commerce.filter((effect) => effect.kind === 'order').map((effect) => effect.reference).sort()).toEqual(ids.map((id) => `${id}:create-order`).sort());
    expect(effectList(effects).sort()).toEqual(ids.flatMap(placedOrderEffects).sort());
    // Each ran on the instance asked: both executors' actions are in the one chain.
    expect(await executorsOf(ids)).toEqual(Object.fromEntries(ids.map((id, i) => [id, askedOf[i]!.executorId])));
    expect(await trails(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, PLACE_ORDER_TRAIL])));
    await expectOneVerifiedChain();
  }, 180_000);

  it('runs one order for one key sent to both instances at once', async () => {
    const answers = await Promise.all(instances.flatMap((instance) => [order(instance, 'one-key'), order(instance, 'one-key')]));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const id = actionIdOf(customer, 'placeOrder', 'one-key');
    expect(answers.map((answer) => answer.data!.placeOrder)).toEqual(Array(answers.length).fill({ id, status: 'COMPLETED' }));
    expect(effectList(await domain.effects()).sort()).toEqual(placedOrderEffects(id));
    expect(await trails([id])).toEqual({ [id]: PLACE_ORDER_TRAIL });
    await expectOneVerifiedChain();
  }, 120_000);

  it('finishes the order of an instance killed mid-flight once it restarts, while the other serves on', async () => {
    const [killed, survivor] = instances;
    // The booking answers slowly: the instance dies while the WMS is still working on it.
    await domain.vendors.wms.admin.setFaults({ routes: { 'POST /wms/v1/shipments': { latencyMs: 3_000 } } });
    const asked = order(killed, 'interrupted').catch((error: Error) => error);
    const id = actionIdOf(customer, 'placeOrder', 'interrupted');
    await until(async () => effectList(await domain.effects()).includes(`commerce order ${id}:create-order`), 60_000);
    killed.process!.child.kill('SIGKILL');
    expect(await killed.process!.exited).toBeNull();
    expect(await asked).toBeInstanceOf(Error);
    expect(effectList(await domain.effects())).not.toContain(`payments capture ${id}:authorize-payment`);
    await domain.vendors.wms.admin.setFaults({});

    // Meanwhile the survivor serves new orders, and leaves the interrupted one to its own executor.
    const meanwhile = await Promise.all(['meanwhile-1', 'meanwhile-2', 'meanwhile-3'].map((key) => order(survivor, key)));
    expect(meanwhile.map((answer) => answer.data?.placeOrder.status)).toEqual(['COMPLETED', 'COMPLETED', 'COMPLETED']);
    expect(await statusOf(survivor, id)).toBe('RUNNING');

    killed.process = await startOrchestrationProcess(killed.env);
    let status = '';
    await until(async () => {
      status = await statusOf(killed, id);
      return status !== 'RUNNING';
    }, 60_000);
    expect(status).toBe('COMPLETED');
    const meanwhileIds: string[] = meanwhile.map((answer) => answer.data!.placeOrder.id);
    // Each write once. (DBOS recovers by putting the executor's workflows on a queue: either instance may finish it.)
    expect(effectList(await domain.effects()).sort()).toEqual([id, ...meanwhileIds].flatMap(placedOrderEffects).sort());
    // The steps re-run by recovery wrote no second record.
    expect(await trails([id])).toEqual({ [id]: PLACE_ORDER_TRAIL });
    await expectOneVerifiedChain();
  }, 180_000);

  async function statusOf(instance: Instance, id: string): Promise<string> {
    return (await instance.as(customer, `{ action(id: "${id}") { status } }`)).data?.action?.status ?? '';
  }

  /** The executor each action's DBOS workflow ran on. */
  async function executorsOf(ids: string[]): Promise<Record<string, string>> {
    const { rows } = await pool.query<{ id: string; executor: string }>('SELECT workflow_uuid AS id, executor_id AS executor FROM dbos.workflow_status WHERE workflow_uuid = ANY($1)', [ids]);
    return Object.fromEntries(rows.map((row) => [row.id, row.executor]));
  }

  /** Each action's audit records, as their steps in chain order. */
  async function trails(ids: string[]): Promise<Record<string, string[]>> {
    const { rows } = await pool.query<{ action_id: string; step: string }>('SELECT action_id, step FROM audit.records WHERE action_id = ANY($1) ORDER BY seq', [ids]);
    const byAction: Record<string, string[]> = {};
    for (const row of rows) (byAction[row.action_id] ??= []).push(row.step);
    return byAction;
  }

  /**
   * Once both instances have checkpointed the head: the records are numbered 1..n without a gap, and the
   * whole chain verifies against every checkpoint either published, with the key both signed with.
   */
  async function expectOneVerifiedChain(): Promise<void> {
    const file = instances[0].env.AUDIT_CHECKPOINT_FILE!;
    const head = async () => Number((await pool.query<{ seq: string }>('SELECT seq FROM audit.chain_head')).rows[0]!.seq);
    await until(async () => Math.max(0, ...(await readCheckpoints(file)).map((checkpoint) => checkpoint.seq)) === (await head()), 30_000);
    const { rows } = await pool.query<{ records: string; first: string; last: string }>('SELECT count(*) AS records, min(seq) AS first, max(seq) AS last FROM audit.records');
    const records = Number(rows[0]!.records);
    expect({ first: Number(rows[0]!.first), last: Number(rows[0]!.last) }).toEqual({ first: 1, last: records });
    const checkpoints = await readCheckpoints(file);
    expect(checkpoints.length).toBeGreaterThan(1);
    expect(await verifyAuditChain(pool, checkpoints, createPublicKey(instances[0].env.AUDIT_SIGNING_KEY!))).toEqual({ ok: true, records, checkpoints: checkpoints.length });
  }

  /**
   * A ship date on which the EU warehouses have room for `units` more, asked of the WMS. The default, the
   * first day with room, may have a single unit left: orders sent at once would then race for it, and
   * all but one be undone, which is not what this file is about.
   */
  async function roomyShipDate(units: number): Promise<string> {
    const from = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const response = await fetch(`${domain.vendors.wms.url}/wms/v1/capacity-calendar?from=${from}&days=30&region=EU`);
    const { calendar } = (await response.json()) as { calendar: { date: string; capacity_units: number; booked_units: number }[] };
    const free = new Map<string, number>();
    for (const day of calendar) free.set(day.date, (free.get(day.date) ?? 0) + day.capacity_units - day.booked_units);
    const date = [...free].find(([, room]) => room >= units)?.[0];
    if (!date) throw new Error(`no day in the 30 from ${from} has room for ${units} units in the EU`);
    return date;
  }
});

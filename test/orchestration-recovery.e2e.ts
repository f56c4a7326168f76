import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPool } from '../lib/postgres/pool.js';
import { scratchDatabaseOrSkip } from '../lib/postgres/scratch-database.js';
import type { Principal } from '../policies/principal.js';
import { actionIdOf } from '../subgraphs/orchestration/actions/identity.js';
import { freePort, type TsProcess } from './support/process.js';
import { callerAs, orchestrationProcessEnv, startDomainStack, startOrchestrationProcess, until, type DomainStack } from './support/orchestration-stack.js';
import { effectList, effectsInForce, placedOrderEffects } from './support/vendor-effects.js';

/**
 * The orchestration subgraph as `npm start` runs it, a process of its own, killed (SIGKILL) in the middle of
 * a `placeOrder`: started again with the same executor id, DBOS recovers the workflow and it finishes from
 * its last recorded step. Counted at the vendors: every write happened exactly once.
 */
const database = await scratchDatabaseOrSkip('test/orchestration-recovery.e2e.ts');

const customer: Principal = { kind: 'customer', id: 'C0001' };
const KEY = 'killed-midway';
const PLACE_ORDER = `mutation { placeOrder(customerId: "C0001", region: "EU", lines: [{ sku: "SKU-10002-01", quantity: 1 }], idempotencyKey: "${KEY}") { id status } }`;

describe.runIf(database)('an orchestration process killed mid-placeOrder', () => {
  let domain: DomainStack;
  let env: NodeJS.ProcessEnv;
  let port: number;
  let running: TsProcess | undefined;

  beforeAll(async () => {
    domain = await startDomainStack();
    port = await freePort();
    env = orchestrationProcessEnv(domain, database!.url, { PORT: String(port), ORCHESTRATION_EXECUTOR_ID: 'recovery-test' });
  });
  afterAll(async () => {
    running?.child.kill('SIGKILL');
    await running?.exited;
    await database?.drop();
  });

  const start = () => startOrchestrationProcess(env);

  it('finishes the order after a restart, each write done once', async () => {
    running = await start();
    // The booking answers slowly: the process dies while the WMS is still working on it.
    await domain.vendors.wms.admin.setFaults({ routes: { 'POST /wms/v1/shipments': { latencyMs: 1_500 } } });
    const as = callerAs(`http://127.0.0.1:${port}`, domain.secret);
    const asked = as(customer, PLACE_ORDER).catch((error: Error) => error);
    const id = actionIdOf(customer, 'placeOrder', KEY);
    await until(async () => effectList(await domain.effects()).includes(`commerce order ${id}:create-order`), 30_000);
    running.child.kill('SIGKILL');
    expect(await running.exited).toBeNull();
    expect(effectList(await domain.effects())).not.toContain(`payments capture ${id}:authorize-payment`);
    expect(await asked).toBeInstanceOf(Error);
    await domain.vendors.wms.admin.setFaults({});

    running = await start();
    let status = '';
    await until(async () => {
      status = (await as(customer, `{ action(id: "${id}") { status } }`)).data?.action?.status ?? '';
      return status !== 'RUNNING' && status !== '';
    }, 60_000);
    expect(status).toBe('COMPLETED');
    expect(effectsInForce(await domain.effects()).sort()).toEqual(placedOrderEffects(id));
    expect(effectList(await domain.effects())).toHaveLength(5);
    // The same key, asked again of the new process, answers the recovered action.
    expect((await as(customer, PLACE_ORDER)).data!.placeOrder).toEqual({ id, status: 'COMPLETED' });
    // Each step and decision is in the audit log once, the steps that ran again included.
    const pool = await openPool(database!.url);
    const { rows } = await pool.query('SELECT step FROM audit.records WHERE action_id = $1 ORDER BY seq', [id]);
    await pool.end();
    expect(rows.map((row) => row.step)).toEqual(['guardrails', 'reserve-stock-1', 'authorize-payment', 'create-order', 'book-fulfillment-1', 'capture-payment', 'outcome']);
  }, 180_000);
});

import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { openAuditLog, type AuditLog } from '../lib/audit/audit-log.js';
import { hashRecord, type AuditEntry } from '../lib/audit/record.js';
import { openPool, type Pool } from '../lib/postgres/pool.js';
import { createScratchDatabase, LOCAL_POSTGRES_URL } from '../lib/postgres/scratch-database.js';
import { cpuMicros } from './proc.js';

/**
 * `npx tsx bench/audit-append.ts [SECONDS]`: audit records appended per second with group commit, for a
 * growing number of concurrent appends spread over one or two instances (each a pool and an AuditLog of its
 * own, as two processes would be), each run in a fresh database on the server of DATABASE_URL (or the local
 * PostgreSQL), dropped after. Durability as shipped: every group is one committed, fsynced transaction.
 * Figures, not assertions; where the time goes is printed below them.
 */
export interface AppendRun {
  instances: number;
  /** Appends in flight at once, over all instances: each waits for its record before appending the next. */
  concurrency: number;
  seconds: number;
}

export interface AppendResult extends AppendRun {
  recordsPerSecond: number;
  meanBatch: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU per record, in microseconds: this Node process, and the PostgreSQL backends serving it. */
  nodeCpuUs: number;
  postgresCpuUs: number;
}

export const DEFAULT_RUNS: Omit<AppendRun, 'seconds'>[] = [
  { instances: 1, concurrency: 1 },
  { instances: 1, concurrency: 8 },
  { instances: 1, concurrency: 64 },
  { instances: 1, concurrency: 256 },
  { instances: 2, concurrency: 8 },
  { instances: 2, concurrency: 256 },
];

export async function measureAuditAppends(serverUrl: string, run: AppendRun): Promise<AppendResult> {
  const database = await createScratchDatabase(serverUrl, 'bench_audit');
  const instances: { pool: Pool; log: AuditLog }[] = [];
  try {
    for (let i = 0; i < run.instances; i++) {
      const pool = await openPool(database.url);
      instances.push({ pool, log: await openAuditLog(pool) });
    }
    await Promise.all(instances.map(({ log }, i) => log.append(benchEntry(`warm-up-${i}`))));
    const backends = await backendPids(instances[0]!.pool);
    const cpuBefore = { node: process.cpuUsage(), postgres: sum(backends.map(cpuMicros)) };
    const latencies: number[] = [];
    const deadline = performance.now() + run.seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: run.concurrency }, async (_, writer) => {
        const { log } = instances[writer % instances.length]!;
        for (let n = 0; performance.now() < deadline; n++) {
          const begun = performance.now();
          await log.append(benchEntry(`w${writer}-${n}`));
          latencies.push(performance.now() - begun);
        }
      }),
    );
    const elapsedS = (performance.now() - started) / 1000;
    const node = process.cpuUsage(cpuBefore.node);
    const postgresUs = sum(backends.map(cpuMicros)) - cpuBefore.postgres;
    const { rows } = await instances[0]!.pool.query(`SELECT count(DISTINCT xmin::text)::int AS batches FROM audit.records WHERE action_id LIKE 'w%'`);
    latencies.sort((a, b) => a - b);
    return {
      ...run,
      recordsPerSecond: latencies.length / elapsedS,
      meanBatch: latencies.length / rows[0].batches,
      p50Ms: latencies[Math.floor(latencies.length * 0.5)]!,
      p99Ms: latencies[Math.floor(latencies.length * 0.99)]!,
      nodeCpuUs: (node.user + node.system) / latencies.length,
      postgresCpuUs: postgresUs / latencies.length,
    };
  } finally {
    for (const { log, pool } of instances) {
      await log.close();
      await pool.end();
    }
    await database.drop();
  }
}

/** What an orchestrated step appends: a dedupe key, two decisions, one step, a few redacted variables. */
function benchEntry(actionId: string): AuditEntry {
  return {
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    principal: 'agent:support-bot',
    onBehalfOf: 'customer:C0001',
    reason: 'restock the customer cart',
    operationName: 'PlaceOrder',
    operationHash: 'c0ffee'.repeat(10) + 'beef',
    action: 'placeOrder',
    actionId,
    step: 'reserveStock',
    idempotencyKey: `key-${actionId}`,
    variables: { customerId: 'C0001', region: 'EU', lines: [{ sku: 'SKU-10002-01', quantity: 2 }], payment: { cardNumber: '[REDACTED]' } },
    decisions: [
      { kind: 'access', name: 'Mutation.placeOrder', verdict: 'allow' },
      { kind: 'guardrail', name: 'safetyStock', verdict: 'allow', reason: 'available 40 > safety stock 5' },
    ],
    steps: [{ name: 'reserveStock', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 14, result: 'succeeded', detail: { reference: `${actionId}:reserveStock` } }],
    outcome: 'succeeded',
  };
}

/** The PostgreSQL backends serving this benchmark's database (only on the same machine). */
async function backendPids(pool: Pool): Promise<number[]> {
  const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  return rows.map((row) => row.pid).filter((pid) => {
    try {
      cpuMicros(pid);
      return true;
    } catch {
      return false;
    }
  });
}

/** Microseconds of this process's CPU to hash one record (RFC 8785 canonical JSON, then SHA-256). */
function hashingCostUs(): number {
  const record = { ...benchEntry('hash'), id: '00000000-0000-4000-8000-000000000000', time: new Date().toISOString(), seq: 1, prevHash: '0'.repeat(64) };
  const rounds = 20_000;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) hashRecord({ ...record, seq: i });
  return ((performance.now() - started) * 1000) / rounds;
}

/** Microseconds of one round trip to PostgreSQL (`SELECT 1`): each group pays one, and its commit. */
async function roundTripUs(serverUrl: string): Promise<number> {
  const pool = await openPool(serverUrl, { max: 1 });
  const rounds = 2_000;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await pool.query('SELECT 1');
  await pool.end();
  return ((performance.now() - started) * 1000) / rounds;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL || LOCAL_POSTGRES_URL;
  const seconds = Number(process.argv[2] ?? 5);
  console.log(`audit appends, ${seconds} s per run, load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} (other processes share the machine)`);
  console.log('instances  in flight  records/s  mean group  p50 ms  p99 ms  node CPU µs/rec  postgres CPU µs/rec');
  for (const run of DEFAULT_RUNS) {
    const r = await measureAuditAppends(serverUrl, { ...run, seconds });
    console.log(
      [r.instances, r.concurrency, Math.round(r.recordsPerSecond), r.meanBatch.toFixed(1), r.p50Ms.toFixed(2), r.p99Ms.toFixed(2), r.nodeCpuUs.toFixed(0), r.postgresCpuUs.toFixed(0)]
        .map((cell, i) => String(cell).padStart([9, 10, 10, 11, 7, 7, 16, 20][i]!))
        .join('  '),
    );
  }
  console.log(`\nwhere the time goes: hashing one record ${hashingCostUs().toFixed(1)} µs of CPU; one round trip to PostgreSQL ${(await roundTripUs(serverUrl)).toFixed(0)} µs (a group takes one: the call of audit.append, then its commit)`);
  console.log(`load average at the end: ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await main();

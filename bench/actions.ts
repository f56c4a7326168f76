import { openPool, type Pool } from '../lib/postgres/pool.js';
import { ACTION_TARGETS } from './action-targets.js';
import { measureOrders, warmUpOrders, type OrderContender, type OrderSample } from './action-load.js';
import { printActions } from './actions-report.js';
import type { CpuSource } from './cpu-meter.js';
import { measureAuditAppends, type AppendResult } from './audit-append.js';
import { median, medianOfEach } from './figures.js';
import { orderStream } from './order-stream.js';
import type { OrderRow } from './order-row.js';
import { postmasterPid } from './postgres-meter.js';
import { inAlternatingRounds } from './rounds.js';
import { SETTINGS } from './settings.js';
import type { Stack } from './stack.js';
import { graphqlUrl } from './targets.js';
import { BENCH_SUBGRAPHS, BENCH_VENDORS } from './topology.js';

/**
 * The audit log's own append rate, measured apart: a few appends in flight, as many as group commit
 * gathers, and those from two instances (two processes' worth of hashing beside one chain in PostgreSQL).
 */
const APPEND_RUNS = [
  { instances: 1, concurrency: 8 },
  { instances: 1, concurrency: 256 },
  { instances: 2, concurrency: 256 },
];
const DOMAIN_SUBGRAPHS = BENCH_SUBGRAPHS.filter((subgraph) => subgraph.subgraph !== 'orchestration');

/**
 * The actions section of `npm run bench`: placeOrder through the gateway with the audit log on and
 * off, each warmed up then measured in alternating rounds (each figure the median of its rounds),
 * then the audit log's append rate on the same PostgreSQL, all printed side by side.
 */
export async function benchActions(stack: Stack): Promise<void> {
  const pool = await openPool(stack.databaseUrl, { max: 1 });
  try {
    // Keys unique to this run: the bench's PostgreSQL keeps earlier runs' actions, and a reused key answers the first result.
    const run = Date.now().toString(36);
    const streams = await Promise.all(ACTION_TARGETS.map(async ({ target }) => ({ url: graphqlUrl(target), nextOrder: await orderStream(stack.keys, `${target.name}-${run}`) })));
    for (const stream of streams) await warmUpOrders(stream, SETTINGS.warmUpS);
    // PostgreSQL's CPU: its postmaster and every backend, those that connect and end during a round too (pools close idle connections).
    const postgres: CpuSource = isLocal(stack.databaseUrl) ? { treeOf: await postmasterPid(pool) } : { pids: [] };
    const contenders: OrderContender[] = ACTION_TARGETS.map(({ target, orchestration }, i) => ({
      ...streams[i]!,
      name: target.name,
      processes: {
        gateway: { pids: [stack.pidOf(target)] },
        orchestration: { pids: [stack.pidOf(orchestration)] },
        ...Object.fromEntries(DOMAIN_SUBGRAPHS.map((subgraph) => [subgraph.name, { pids: [stack.pidOf(subgraph)] }])),
        'vendor simulators': { pids: BENCH_VENDORS.map(stack.pidOf) },
        PostgreSQL: postgres,
        'the bench (load generator)': { pids: [process.pid] },
      },
    }));
    const rows = await measureInRounds(contenders, pool);
    const appends: AppendResult[] = [];
    for (const run of APPEND_RUNS) appends.push(await measureAuditAppends(stack.databaseUrl, { ...run, seconds: SETTINGS.durationS }));
    printActions(rows, appends);
  } finally {
    await pool.end();
  }
}

async function measureInRounds(contenders: OrderContender[], pool: Pool): Promise<OrderRow[]> {
  const samples = new Map(contenders.map((contender) => [contender, [] as OrderSample[]]));
  await inAlternatingRounds(contenders, async (contender) => {
    samples.get(contender)!.push(await measureOrders(contender, pool));
  });
  return contenders.map((contender) => {
    const rounds = samples.get(contender)!;
    const outcomes: Record<string, number> = {};
    for (const [outcome, count] of rounds.flatMap((round) => Object.entries(round.outcomes))) outcomes[outcome] = (outcomes[outcome] ?? 0) + count;
    return {
      target: contender.name,
      ordersPerSecond: median(rounds.map((round) => round.ordersPerSecond)),
      p50: median(rounds.map((round) => round.p50)),
      p99: median(rounds.map((round) => round.p99)),
      outcomes,
      cpuMicrosPerOrder: medianOfEach(rounds.map((round) => round.cpuMicrosPerOrder)),
      machineCpuMicrosPerOrder: median(rounds.map((round) => round.machineCpuMicrosPerOrder)),
      workPerOrder: medianOfEach(rounds.map((round) => round.workPerOrder)),
    };
  });
}

/** Its processes' CPU can be read from /proc only when PostgreSQL runs on this machine. */
function isLocal(databaseUrl: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(databaseUrl).hostname);
}

import type { Pool } from '../lib/postgres/pool.js';
import { startCpuMeter, type CpuSource } from './cpu-meter.js';
import { mapValues } from './figures.js';
import { placeOrders } from './order-loop.js';
import type { OrderRequest } from './order-stream.js';
import { startPostgresMeter, type PostgresWork } from './postgres-meter.js';
import { machineCpuMicros } from './proc.js';
import { SETTINGS } from './settings.js';
import { vendorCalls } from './vendor-calls.js';

/** A gateway placing orders: where it listens, what it is sent, and the processes whose CPU counts. */
export interface OrderContender {
  name: string;
  url: string;
  nextOrder: () => OrderRequest;
  /** Where CPU is read, by what runs there: the gateway, its orchestrator, each domain subgraph, the vendors, PostgreSQL, the bench. */
  processes: Record<string, CpuSource>;
}

/** The work behind an order that is not CPU: PostgreSQL's, and the calls the vendors answered. */
export type OrderWork = PostgresWork & { vendorCalls: number };

/** What one gateway did in one round of orders. */
export interface OrderSample {
  /** Orchestrations per second: COMPLETED answers only. */
  ordersPerSecond: number;
  p50: number;
  p99: number;
  /** Answers by what they said: COMPLETED, COMPENSATED, an error code (GUARDRAIL_REFUSED, …), an HTTP status. */
  outcomes: Record<string, number>;
  /** CPU per completed order, in microseconds, by process group. */
  cpuMicrosPerOrder: Record<string, number>;
  /** The whole machine's CPU per completed order: the groups', other processes' and the kernel's. */
  machineCpuMicrosPerOrder: number;
  workPerOrder: OrderWork;
}

/** Orders over `SETTINGS.actionConnections` connections for `durationS`, with nothing measured (a warm-up). */
export async function warmUpOrders(contender: Pick<OrderContender, 'url' | 'nextOrder'>, durationS: number): Promise<void> {
  const { outcomes } = await placeOrders(contender.url, contender.nextOrder, SETTINGS.actionConnections, durationS);
  // Figures of orders that all fail measure the failure: stop, and say what the orders answered.
  if (!outcomes.COMPLETED) throw new Error(`no order completed in the warm-up of ${contender.url}: ${JSON.stringify(outcomes)}`);
}

/** One measured round: the orders, and the CPU, database work and vendor calls they took. */
export async function measureOrders(contender: OrderContender, pool: Pool): Promise<OrderSample> {
  const stopPostgres = await startPostgresMeter(pool);
  const callsBefore = await vendorCalls();
  const stopCpu = startCpuMeter(contender.processes);
  const machineBefore = machineCpuMicros();
  const answers = await placeOrders(contender.url, contender.nextOrder, SETTINGS.actionConnections, SETTINGS.durationS);
  const machine = machineCpuMicros() - machineBefore;
  const cpu = stopCpu();
  const calls = (await vendorCalls()) - callsBefore;
  const postgres = await stopPostgres();
  const completed = answers.outcomes.COMPLETED ?? 0;
  const perOrder = (total: number) => total / Math.max(1, completed);
  const percentile = (share: number) => answers.latenciesMs[Math.floor((answers.latenciesMs.length - 1) * share)] ?? 0;
  return {
    ordersPerSecond: completed / answers.seconds,
    p50: percentile(0.5),
    p99: percentile(0.99),
    outcomes: answers.outcomes,
    cpuMicrosPerOrder: mapValues(cpu, perOrder),
    machineCpuMicrosPerOrder: perOrder(machine),
    workPerOrder: mapValues({ ...postgres, vendorCalls: calls }, perOrder),
  };
}

import { cpus } from 'node:os';
import type { AppendResult } from './audit-append.js';
import { coresBusy, cpuPerOrder, machineCoresBusy, ms, type OrderRow } from './order-row.js';

/** The aims of issue 9, held against the figures. */
const AIM_ORDERS_PER_SECOND = 200;
const AIM_RECORDS_PER_SECOND = 10_000;
/** Busier than this share of its cores, the machine has no CPU to spare. */
const SATURATED = 0.9;

/**
 * The figures in words: what the audit log costs an order, whether the log or the machine's CPU is
 * what limits the rate, and what the aims would take.
 */
export function printActionsNote([on, off]: OrderRow[], appends: AppendResult[]): void {
  if (!on || !off) return;
  const cores = cpus().length;
  const records = on.workPerOrder.auditRecords;
  const bestAppends = Math.max(...appends.map((a) => a.recordsPerSecond));
  const room = bestAppends / Math.max(records, 1);
  const heaviest = Object.entries(on.cpuMicrosPerOrder)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 4)
    .map(([group, micros]) => `${group} ${ms(micros)}`);
  const saturated = machineCoresBusy(on) >= SATURATED * cores;
  const lines = [
    `Audit on: ${on.ordersPerSecond.toFixed(1)} orders/s, ${percent(on.ordersPerSecond, off.ordersPerSecond)} of audit off's ${off.ordersPerSecond.toFixed(1)}. ` +
      `Per order it writes ${records.toFixed(1)} records in ${(on.workPerOrder.writeTransactions - off.workPerOrder.writeTransactions).toFixed(1)} more write transactions ` +
      `and changes the CPU over all processes by ${signed(cpuPerOrder(on) - cpuPerOrder(off))} ms (a total that varies by a few ms from round to round).`,
    `The log alone appends up to ${bestAppends.toFixed(0)} records/s (aim ${AIM_RECORDS_PER_SECOND}): ` +
      `room for ${room.toFixed(0)} orders/s at ${records.toFixed(1)} records each, ` +
      (room > 2 * on.ordersPerSecond ? 'far more than the orders reach: it is not their limit.' : 'near what the orders reach: it may be their limit.'),
    `The machine is ${machineCoresBusy(on).toFixed(2)} of ${cores} cores busy during audit on's orders, ${coresBusy(on).toFixed(2)} of them the stack's: ` +
      (saturated ? 'the limit is CPU. ' : 'CPU to spare, so the limit is elsewhere (waits in the steps or PostgreSQL). ') +
      `An order costs ${ms(cpuPerOrder(on))} ms of CPU (most: ${heaviest.join(', ')} ms), so ${cores} cores of it place at most ` +
      `${((cores * 1e6) / cpuPerOrder(on)).toFixed(0)} orders/s; ${AIM_ORDERS_PER_SECOND}/s would need ${((cores * 1e3) / AIM_ORDERS_PER_SECOND).toFixed(0)} ms an order, ` +
      `every process included (it makes ${on.workPerOrder.vendorCalls.toFixed(0)} vendor calls and ${on.workPerOrder.commits.toFixed(0)} PostgreSQL commits).`,
  ];
  console.log(`\n${lines.join('\n')}`);
}

const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)} %`;
const signed = (micros: number) => `${micros >= 0 ? '+' : ''}${ms(micros)}`;

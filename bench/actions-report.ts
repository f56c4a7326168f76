import { cpus } from 'node:os';
import { printActionsNote } from './actions-note.js';
import type { AppendResult } from './audit-append.js';
import { coresBusy, cpuPerOrder, machineCoresBusy, ms, type OrderRow } from './order-row.js';
import { ORDER_MIX } from './order-stream.js';
import { printColumns } from './report.js';
import { SETTINGS } from './settings.js';

/** The actions section: the orders through each gateway, where their time goes, and the audit log's own rate. */
export function printActions(rows: OrderRow[], appends: AppendResult[]): void {
  console.log(
    `\nplaceOrder through the gateway: ${ORDER_MIX}, ${SETTINGS.actionConnections} orders in flight; orders/s counts COMPLETED answers`,
  );
  printColumns([
    ['target', 'orders/s', 'p50 ms', 'p99 ms', 'gateway CPU ms/order', 'orchestration CPU ms/order', 'answers (all rounds)'],
    ...rows.map((row) => [
      row.target,
      row.ordersPerSecond.toFixed(1),
      row.p50.toFixed(1),
      row.p99.toFixed(1),
      ms(row.cpuMicrosPerOrder.gateway ?? 0),
      ms(row.cpuMicrosPerOrder.orchestration ?? 0),
      Object.entries(row.outcomes).map(([outcome, count]) => `${outcome} ${count}`).join(', '),
    ]),
  ]);

  const line = (label: string, cell: (row: OrderRow) => string) => [label, ...rows.map(cell)];
  const work = (label: string, pick: (work: OrderRow['workPerOrder']) => number, digits = 1) => line(label, (row) => pick(row.workPerOrder).toFixed(digits));
  console.log('\nWhere the time goes, per completed order (medians of the rounds)');
  printColumns([
    ['', ...rows.map((row) => row.target)],
    ...Object.keys(rows[0]!.cpuMicrosPerOrder).map((group) => line(`CPU ms: ${group}`, (row) => ms(row.cpuMicrosPerOrder[group] ?? 0))),
    line('CPU ms: all of the above', (row) => ms(cpuPerOrder(row))),
    line('CPU ms: the whole machine (other processes, kernel)', (row) => ms(row.machineCpuMicrosPerOrder)),
    line(`cores busy, of ${cpus().length}: the above, the machine`, (row) => `${coresBusy(row).toFixed(2)}, ${machineCoresBusy(row).toFixed(2)}`),
    work('vendor calls', (w) => w.vendorCalls),
    work('audit records', (w) => w.auditRecords),
    work('PostgreSQL: write transactions (each a durable commit)', (w) => w.writeTransactions),
    work('PostgreSQL: commits, reads included', (w) => w.commits),
    work('PostgreSQL: WAL fsyncs', (w) => w.walSyncs),
    work('PostgreSQL: WAL KB', (w) => w.walBytes / 1024),
    work('PostgreSQL: WAL full-page images', (w) => w.walFullPages),
  ]);

  console.log(`\nThe audit log alone (bench/audit-append.ts): group-committed appends, ${SETTINGS.durationS} s each, in a fresh database on the same PostgreSQL`);
  printColumns([
    ['instances', 'in flight', 'records/s', 'mean group', 'p50 ms', 'p99 ms', 'node CPU µs/record', 'postgres CPU µs/record'],
    ...appends.map((a) => [a.instances, a.concurrency, a.recordsPerSecond.toFixed(0), a.meanBatch.toFixed(1), a.p50Ms.toFixed(2), a.p99Ms.toFixed(2), a.nodeCpuUs.toFixed(0), a.postgresCpuUs.toFixed(0)].map(String)),
  ]);
  printActionsNote(rows, appends);
}

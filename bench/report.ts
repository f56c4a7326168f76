import type { Row } from './compare.js';

type Column = [header: string, cell: (row: Row, baseline: Row | undefined) => string];

const ratio = (value: number, base: number | undefined) => (base ? `${(value / base).toFixed(2)}×` : '–');

const COLUMNS: Column[] = [
  ['target', (row) => row.target],
  ['req/s', (row) => row.requestsPerSecond.toFixed(0)],
  ['p50 ms', (row) => row.p50.toFixed(1)],
  ['p99 ms', (row) => row.p99.toFixed(1)],
  ['CPU ms/req', (row) => (row.cpuMicrosPerRequest / 1000).toFixed(2)],
  ['(rounds)', (row) => row.cpuRangeMicros.map((micros) => (micros / 1000).toFixed(1)).join('–')],
  ['KB/answer', (row) => row.kilobytesPerAnswer.toFixed(1)],
  ['peak RSS MB', (row) => String(row.peakRssMb)],
  ['errors', (row) => String(row.errors)],
  ['req/s ×', (row, base) => ratio(row.requestsPerSecond, base?.requestsPerSecond)],
  ['CPU ×', (row, base) => ratio(row.cpuMicrosPerRequest, base?.cpuMicrosPerRequest)],
];

/**
 * One page's figures, a row per target, with req/s and CPU per request as ratios to the baseline.
 * (rounds) is the lowest–highest CPU per request of the rounds; KB/answer counts the bytes read per
 * answer, headers included; peak RSS is the process's high-water mark so far in the run (`VmHWM`).
 */
export function printTable(title: string, rows: Row[], baseline: string): void {
  const base = rows.find((row) => row.target === baseline);
  const cells = [COLUMNS.map(([header]) => header), ...rows.map((row) => COLUMNS.map(([, cell]) => cell(row, base)))];
  console.log(`\n${title}\n(ratios against ${baseline})`);
  printColumns(cells);
}

/** Lines of cells as aligned columns: the first left-aligned, the figures after it right-aligned. */
export function printColumns(lines: string[][]): void {
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((line) => line[i]!.length)));
  for (const line of lines) {
    console.log(line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
  }
}

/** What ran, before any figure. */
export function printConfiguration(settings: string, targets: { name: string; configuration: string }[]): void {
  console.log(settings);
  const width = Math.max(...targets.map((target) => target.name.length));
  for (const target of targets) console.log(`  ${target.name.padEnd(width)}  ${target.configuration}`);
}

import { mapValues } from './figures.js';
import { cpuMicros, processTreeCpuMicros } from './proc.js';

/** How a group's CPU is read: its processes', each running throughout, or a server's with all its children. */
export type CpuSource = { pids: number[] } | { treeOf: number };

/** CPU spent by named groups of processes between start and stop, in microseconds. */
export function startCpuMeter(groups: Record<string, CpuSource>): () => Record<string, number> {
  const read = () => Object.fromEntries(Object.entries(groups).map(([name, source]) => [name, cpuOf(source)]));
  const before = read();
  return () => mapValues(read(), (micros, name) => micros - before[name]!);
}

function cpuOf(source: CpuSource): number {
  if ('treeOf' in source) return processTreeCpuMicros(source.treeOf);
  return source.pids.reduce((total, pid) => total + cpuMicros(pid), 0);
}

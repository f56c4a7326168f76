import { cpus, loadavg } from 'node:os';

/** How hard and how long each target is loaded: `BENCH_DURATION_S`, `BENCH_CONNECTIONS`, `BENCH_ACTION_CONNECTIONS`, `BENCH_ROUNDS`. */
export const SETTINGS = {
  durationS: Number(process.env.BENCH_DURATION_S ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 10),
  /** Orders in flight at once (`BENCH_ACTION_CONNECTIONS`): each waits on its saga's steps, so more than reads need. */
  actionConnections: Number(process.env.BENCH_ACTION_CONNECTIONS ?? 32),
  /** Measured rounds per target, alternating the order of targets; each figure is the median over them. */
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  warmUpS: 2,
};

export function describeSettings(): string {
  const cpu = cpus();
  return [
    `node ${process.version}, ${cpu.length} CPUs (${cpu[0]?.model ?? 'unknown'}), ${process.platform} ${process.arch}, ` +
      `load average ${loadavg().map((load) => load.toFixed(1)).join(' ')} (1, 5, 15 min; other processes share the machine)`,
    `autocannon: ${SETTINGS.connections} connections (placeOrder: ${SETTINGS.actionConnections} orders in flight), ${SETTINGS.durationS} s per target and round, ` +
      `${SETTINGS.rounds} rounds (order alternating), after a ${SETTINGS.warmUpS} s warm-up per target; each figure is the median of the rounds`,
  ].join('\n');
}

import type { Samples } from './cpu-profile.js';
import { printColumns } from './report.js';

/** One target's profile of the load, and what it served meanwhile. */
export interface Profiled {
  name: string;
  requests: number;
  /** CPU the process spent during the load, from `/proc`. */
  procCpuMicros: number;
  samples: Samples;
}

const TOP_FUNCTIONS = 25;
const TOP_OWNERS = 30;
const TOP_OWN_FUNCTIONS = 20;

/** Every figure in ms of CPU per request: a share of the process's samples times its CPU per request (`/proc`). */
export function printProfiles(profiles: Profiled[]): void {
  const perRequest = (profile: Profiled, samples: number) =>
    ((samples / Math.max(1, profile.samples.total)) * profile.procCpuMicros) / 1000 / Math.max(1, profile.requests);
  for (const profile of profiles) {
    const { total, selfByFunction } = profile.samples;
    console.log(`\n${profile.name}: ${profile.requests} requests, ${perRequest(profile, total).toFixed(2)} ms CPU/request (/proc), ${total} samples`);
    const top = [...selfByFunction].sort((a, b) => b[1] - a[1]).slice(0, TOP_FUNCTIONS);
    printColumns([
      [`top ${TOP_FUNCTIONS} functions by self time`, 'ms/req', 'share'],
      ...top.map(([key, samples]) => [key, perRequest(profile, samples).toFixed(3), `${((samples / total) * 100).toFixed(1)}%`]),
    ]);
  }
  sideBySide('self time by package, file of ours, part of Node or V8', profiles, (samples) => samples.selfByOwner, TOP_OWNERS, perRequest);
  sideBySide('time inside our functions, callees included', profiles, (samples) => samples.inclusiveByOwnFunction, TOP_OWN_FUNCTIONS, perRequest);
}

/** One line per key, a column per target, the keys the most expensive in any target first. */
function sideBySide(
  title: string,
  profiles: Profiled[],
  pick: (samples: Samples) => Map<string, number>,
  limit: number,
  perRequest: (profile: Profiled, samples: number) => number,
): void {
  const cost = (key: string) => profiles.map((profile) => perRequest(profile, pick(profile.samples).get(key) ?? 0));
  const keys = [...new Set(profiles.flatMap((profile) => [...pick(profile.samples).keys()]))]
    .sort((a, b) => Math.max(...cost(b)) - Math.max(...cost(a)))
    .slice(0, limit);
  const difference = profiles.length === 2 ? ['Δ'] : [];
  console.log(`\n${title} (ms/req)`);
  printColumns([
    ['', ...profiles.map((profile) => profile.name), ...difference],
    ...keys.map((key) => {
      const costs = cost(key);
      return [key, ...costs.map((value) => value.toFixed(3)), ...(difference.length ? [(costs[1]! - costs[0]!).toFixed(3)] : [])];
    }),
  ]);
}

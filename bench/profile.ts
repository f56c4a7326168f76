import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { readSamples } from './cpu-profile.js';
import { measure } from './load.js';
import { headersFor } from './pages.js';
import { printProfiles } from './profile-report.js';
import { inAlternatingRounds, warmUp } from './rounds.js';
import { selectFromArgs } from './selection.js';
import { ROOT, startStack } from './stack.js';
import { GATEWAYS, graphqlUrl } from './targets.js';

/**
 * `npx tsx bench/profile.ts [--page NAME] [TARGET]…`, selecting as `npm run bench` does (no
 * arguments: the nested listing through apollo-gateway and ours policy-off; the first page selected).
 * Each target runs with V8's sampling profiler (`bench/cpu-profiler.ts`), is warmed up, then loaded
 * with the page in alternating rounds (`BENCH_DURATION_S`, `BENCH_ROUNDS`, `BENCH_CONNECTIONS`) while
 * profiled. Its profile is summarised in ms of CPU per request: top functions, time per package or
 * file of ours, time inside each of our functions. Profiling slows every target alike: compare
 * targets within a run, not runs.
 */
const argv = process.argv.slice(2);
const { pages, targets } = selectFromArgs(argv.length > 0 ? argv : ['--page', 'nested', GATEWAYS[0]!.name, GATEWAYS[1]!.name]);
const page = pages[0]!;

const directory = mkdtempSync(join(tmpdir(), 'bench-profile-'));
const stack = await startStack(targets, {
  NODE_OPTIONS: `--import tsx --import ${join(ROOT, 'bench/cpu-profiler.ts')}`,
  BENCH_PROFILE_DIR: directory,
});
const runs = targets.map((target) => ({ target, pid: stack.pidOf(target), requests: 0, cpuMicros: 0 }));
try {
  const headers = await headersFor(page, stack.keys);
  const requestOf = (run: (typeof runs)[number]) => ({ url: graphqlUrl(run.target), query: page.query, headers });
  await warmUp(runs.map(requestOf));
  toggleProfilers();
  await inAlternatingRounds(runs, async (run) => {
    const sample = await measure(requestOf(run), run.pid);
    run.requests += sample.requests;
    run.cpuMicros += sample.cpuMicrosPerRequest * sample.requests;
  });
  toggleProfilers();
  while (!runs.every((run) => existsSync(profileOf(run.pid)))) await sleep(100);
} finally {
  await stack.stop();
}

console.log(`\n${page.title}\nprofiles in ${directory}`);
printProfiles(runs.map((run) => ({ name: run.target.name, requests: run.requests, procCpuMicros: run.cpuMicros, samples: readSamples(profileOf(run.pid), ROOT) })));

function toggleProfilers(): void {
  for (const run of runs) process.kill(run.pid, 'SIGUSR2');
}

function profileOf(pid: number): string {
  return join(directory, `${pid}.cpuprofile`);
}

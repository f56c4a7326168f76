import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * Loaded into a target by `bench/profile.ts` (through `NODE_OPTIONS=--import`; Node 20 refuses
 * `--cpu-prof` there): SIGUSR2 starts V8's sampling profiler, the next SIGUSR2 stops it and writes
 * `<pid>.cpuprofile` into `BENCH_PROFILE_DIR`, so the profile covers the measured load and nothing
 * of the start-up.
 */
const directory = process.env.BENCH_PROFILE_DIR!;
const session = new Session();
session.connect();
await session.post('Profiler.enable');

let profiling = false;
process.on('SIGUSR2', () => {
  profiling = !profiling;
  void (profiling ? session.post('Profiler.start') : stopInto(join(directory, `${process.pid}.cpuprofile`)));
});

async function stopInto(file: string): Promise<void> {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(`${file}.partial`, JSON.stringify(profile));
  renameSync(`${file}.partial`, file);
}

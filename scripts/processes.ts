import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ServiceEntry } from './topology.js';

/** A child process running one service, its output prefixed with the service's name. */
export interface ServiceProcess {
  entry: ServiceEntry;
  child: ChildProcess;
  exited: Promise<number | null>;
}

export function spawnService(entry: ServiceEntry, root: string, env: NodeJS.ProcessEnv): ServiceProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', entry.entry, ...(entry.args ?? [])], {
    cwd: root,
    env: { ...env, PORT: String(entry.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => console.log(`[${entry.name}] ${line}`));
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { entry, child, exited };
}

/** Resolves once `GET /health` answers 200; rejects if the process exits first or time runs out. */
export async function waitUntilHealthy(service: ServiceProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void service.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${service.entry.name} exited during start-up (see its output above)`);
    try {
      const response = await fetch(`http://127.0.0.1:${service.entry.port}/health`);
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${service.entry.name} did not become healthy on port ${service.entry.port} within ${timeoutMs} ms`);
}

export async function stopAll(services: ServiceProcess[]): Promise<void> {
  for (const service of services) service.child.kill('SIGTERM');
  const killer = setTimeout(() => services.forEach((service) => service.child.kill('SIGKILL')), 5_000);
  await Promise.all(services.map((service) => service.exited));
  clearTimeout(killer);
}

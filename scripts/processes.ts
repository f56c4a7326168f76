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
  const { name, port } = service.entry;
  let exited = false;
  void service.exited.then(() => (exited = true));
  await waitForHealth(`http://127.0.0.1:${port}`, timeoutMs, () => {
    if (exited) throw new Error(`${name} exited during start-up (see its output above)`);
  });
}

/** Polls `${baseUrl}/health` until it answers 200; `check` may abort the wait by throwing. */
export async function waitForHealth(baseUrl: string, timeoutMs: number, check: () => void = () => {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    check();
    try {
      const response = await fetch(`${baseUrl}/health`);
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${baseUrl}/health did not answer 200 within ${timeoutMs} ms`);
}

export async function stopAll(services: ServiceProcess[]): Promise<void> {
  for (const service of services) service.child.kill('SIGTERM');
  const killer = setTimeout(() => services.forEach((service) => service.child.kill('SIGKILL')), 5_000);
  await Promise.all(services.map((service) => service.exited));
  clearTimeout(killer);
}

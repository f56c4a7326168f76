import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { freePort } from './process.js';

/**
 * A Redis of a test's own, a child process on a free port, that the test may stop and start again
 * (never the shared one on 6379). `null` when `redis-server` is not installed: under `CI=true` that fails.
 */
export interface OwnRedis {
  url: string;
  /** `SHUTDOWN NOSAVE` through redis-cli, and waits for the process to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty, and waits until it answers. */
  start(): Promise<void>;
}

const running: ChildProcess[] = [];
afterAll(() => running.splice(0).forEach((child) => child.kill('SIGKILL')));

export async function startOwnRedis(testFile: string): Promise<OwnRedis | null> {
  if (spawnSync('redis-server', ['--version']).error) {
    if (process.env.CI === 'true') throw new Error('redis-server is required under CI=true');
    console.warn(`\n⚠⚠⚠ ${testFile}: redis-server is not installed, its Redis outage tests are SKIPPED ⚠⚠⚠\n`);
    return null;
  }
  const port = await freePort();
  let child: ChildProcess;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
    running.push(child);
    await untilAnswering(port);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    start,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      spawnSync('redis-cli', ['-p', String(port), 'shutdown', 'nosave']);
      await exited;
    },
  };
}

async function untilAnswering(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      probe.disconnect();
    }
  }
  throw new Error(`redis-server on port ${port} did not answer`);
}

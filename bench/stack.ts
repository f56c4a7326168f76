import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { randomSecret } from '../gateway/identity/development-secret.js';
import { readTokenKeys, type TokenKeys } from '../gateway/identity/keys.js';
import { startDatabase } from '../lib/postgres/start-database.js';
import { spawnService, stopAll, waitUntilHealthy, type ServiceProcess } from '../scripts/processes.js';
import type { ServiceEntry } from '../scripts/topology.js';
import type { Target } from './targets.js';
import { startInvalidationSink } from './invalidation-sink.js';
import { BENCH_SUBGRAPHS, BENCH_VENDORS, INVALIDATION_SINK_PORT, locations } from './topology.js';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The vendor simulators, the subgraphs and the targets, each in its own process. */
export interface Stack {
  /** The run's token keys: the gateways measured run in production, so they need one; the bench mints with it. */
  keys: TokenKeys;
  /** The PostgreSQL the services keep their state and audit log in. */
  databaseUrl: string;
  /** The process serving a port: a target's, its companion's, or the subgraph a direct row asks. */
  pidOf(entry: ServiceEntry): number;
  stop(): Promise<void>;
}

/**
 * Prepares the targets, then starts each layer once the one below it answers `GET /health`, all in
 * production; `targetEnv` goes to the targets only (a profiler's flags, say), after each entry's own.
 */
export async function startStack(targets: Target[], targetEnv: NodeJS.ProcessEnv = {}): Promise<Stack> {
  for (const prepare of new Set(targets.map((target) => target.prepare))) prepare?.();
  // Companions start after the subgraphs: two orchestration instances launching DBOS at once on a fresh database deadlock in its migrations.
  const companions = targets.flatMap((target) => target.companions ?? []);
  const layers: [ServiceEntry[], NodeJS.ProcessEnv][] = [[BENCH_VENDORS, {}], [BENCH_SUBGRAPHS, {}], [companions, {}], [targets, targetEnv]];
  await Promise.all(layers.flatMap(([entries]) => entries.map(assertFree)));
  // Production wants every key set: tokens, the signatures of invalidations and webhooks (unused here), and of internal calls.
  const secrets = { AUTH_JWT_SECRET: randomSecret(), INVALIDATION_SECRET: randomSecret(), WEBHOOK_SECRET: randomSecret(), INTERNAL_CALL_SECRET: randomSecret() };
  const sink = await startInvalidationSink(INVALIDATION_SINK_PORT);
  // DATABASE_URL when set; else an embedded PostgreSQL of the bench's own, beside (never inside) `npm start`'s.
  const database = await startDatabase({ EMBEDDED_POSTGRES_PORT: '4799', EMBEDDED_POSTGRES_DIR: `${ROOT}.data/bench/postgres`, ...process.env }, (line) => console.log(`[postgres] ${line}`));
  const audit = {
    AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    AUDIT_CHECKPOINT_FILE: `${ROOT}.data/bench/audit-checkpoints.jsonl`,
  };
  const env = { ...process.env, NODE_ENV: 'production', ...secrets, ...audit, ...locations(), DATABASE_URL: database.url, GATEWAY_URL: sink.url };
  const running: ServiceProcess[] = [];
  const stop = async () => {
    await stopAll([...running].reverse());
    await database.stop();
    await sink.close();
  };
  try {
    for (const [entries, extra] of layers) {
      const started = entries.map((entry) => spawnService(entry, ROOT, { ...env, ...entry.env, ...extra }));
      running.push(...started);
      await Promise.all(started.map((service) => waitUntilHealthy(service, 60_000)));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    keys: await readTokenKeys(env),
    databaseUrl: database.url,
    pidOf: (entry) => running.find((service) => service.entry.port === entry.port)!.child.pid!,
    stop,
  };
}

/** A port someone else listens on would answer the health checks, and be measured in our place. */
function assertFree(entry: ServiceEntry): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${entry.port} (${entry.name}) is taken: stop what listens there`)));
    probe.listen(entry.port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

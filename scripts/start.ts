import { fileURLToPath } from 'node:url';
import { port, readConfig } from '../lib/config.js';
import type { RunningPostgres } from '../lib/postgres/embedded.js';
import { startDatabase } from '../lib/postgres/start-database.js';
import { spawnService, stopAll, waitUntilHealthy, type ServiceProcess } from './processes.js';
import { GATEWAY, SUBGRAPHS, VENDOR_SIMULATORS, type ServiceEntry } from './topology.js';

/**
 * `npm start`: PostgreSQL (the embedded one unless DATABASE_URL is set), then vendor simulators, then
 * subgraphs, then the gateway, each its own process, each started once the layer below is healthy;
 * every process gets DATABASE_URL. Ctrl-C (or SIGTERM) stops them all, PostgreSQL last.
 * It runs the product in development unless NODE_ENV says otherwise: an unset NODE_ENV is production
 * to the services themselves, so development is asked for here, by name.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const developmentByDefault = !process.env.NODE_ENV;
const childEnv: NodeJS.ProcessEnv = developmentByDefault ? { ...process.env, NODE_ENV: 'development' } : process.env;
const STARTUP_TIMEOUT_MS = 60_000;
const running: ServiceProcess[] = [];
let database: RunningPostgres | undefined;
let stopping = false;

/** `defaults`: variables the layer gets unless the environment sets them. */
async function startLayer(entries: ServiceEntry[], defaults: NodeJS.ProcessEnv = {}): Promise<void> {
  const layer = entries.map((entry) => spawnService(entry, root, { ...defaults, ...childEnv, DATABASE_URL: database?.url, ...entry.env }));
  running.push(...layer);
  for (const service of layer) {
    void service.exited.then((code) => {
      if (!stopping) void shutdown(`${service.entry.name} exited with code ${code}`, 1);
    });
  }
  await Promise.all(layer.map((service) => waitUntilHealthy(service, STARTUP_TIMEOUT_MS)));
}

async function shutdown(reason: string, exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${reason}: stopping ${running.length} services`);
  await stopAll(running);
  await database?.stop();
  process.exit(exitCode);
}

process.once('SIGINT', () => void shutdown('SIGINT', 0));
process.once('SIGTERM', () => void shutdown('SIGTERM', 0));

try {
  const started = Date.now();
  const { PORT: gatewayPort } = readConfig({ PORT: port(GATEWAY.port) });
  if (developmentByDefault) {
    console.log('NODE_ENV is not set: running with NODE_ENV=development (Sandbox, stack traces, and tokens');
    console.log('signed with a secret generated in .data/dev-token-secret unless AUTH_JWT_SECRET is set; webhooks');
    console.log('and invalidations likewise, with .data/webhook-secret and .data/invalidation-secret).');
  }
  database = await startDatabase(process.env, (line) => console.log(`[postgres] ${line}`));
  await startLayer(VENDOR_SIMULATORS);
  // Without REDIS_URL, subgraphs post their invalidations to this gateway.
  await startLayer(SUBGRAPHS, { GATEWAY_URL: `http://127.0.0.1:${gatewayPort}` });
  // An action answers once it has finished (compensations and their retries included), and
  // `approveAction` once the approved action has: the gateway waits longer for orchestration.
  await startLayer([{ ...GATEWAY, port: gatewayPort }], { SUBGRAPH_ORCHESTRATION_TIMEOUT_MS: '60000' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\nReady in ${seconds} s. Gateway: http://127.0.0.1:${gatewayPort}/graphql, MCP: http://127.0.0.1:${gatewayPort}/mcp (Ctrl-C stops everything)`);
} catch (error) {
  await shutdown(`start failed: ${(error as Error).message}`, 1);
}

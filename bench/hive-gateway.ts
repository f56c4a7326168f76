import { parseArgs } from 'node:util';
import { listen } from '../lib/service/listen.js';
import { runUntilSignalled } from '../lib/service/run.js';
import { loadHiveGateway } from './hive-install.js';
import { HIVE_RESPONSE_CACHE } from './hive-response-cache.js';
import { benchSupergraph } from './topology.js';

/**
 * Hive Gateway, the Node peer, on the committed supergraph and the run's subgraphs: its runtime
 * served by node:http, as its documentation shows for Node. `--response-cache` turns on its response
 * cache, in the cache its CLI uses by default (LocalForage, which on Node is its in-memory LRU).
 * `GET /health` is its readiness check: it answers once the supergraph is loaded.
 */
const { values } = parseArgs({ options: { port: { type: 'string' }, 'response-cache': { type: 'boolean', default: false } } });

void runUntilSignalled(async () => {
  const { createGatewayRuntime, LocalForageCacheStorage } = await loadHiveGateway();
  const supergraph = benchSupergraph();
  const runtime = createGatewayRuntime({
    supergraph: supergraph.sdl,
    transportEntries: Object.fromEntries(supergraph.subgraphs.map(({ name, url }) => [name, { location: url }])),
    logging: 'error',
    landingPage: false,
    graphiql: false,
    readinessCheckEndpoint: '/health',
    ...(values['response-cache'] ? { cache: new LocalForageCacheStorage(), responseCaching: HIVE_RESPONSE_CACHE } : {}),
  });
  const name = values['response-cache'] ? 'hive gateway (response cache)' : 'hive gateway';
  return [await listen(runtime, { name, port: Number(values.port), onClose: async () => void (await runtime.dispose()) })];
});

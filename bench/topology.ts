import { readGatewayConfig } from '../gateway/config.js';
import { loadSupergraph, type Supergraph } from '../gateway/supergraph.js';
import { SUBGRAPHS, SUPERGRAPH_PATH, VENDOR_SIMULATORS, type ServiceEntry } from '../scripts/topology.js';

/**
 * The product's processes on ports of the bench's own (47xx), each told where the others are, so a
 * running `npm start` (or another run's leftovers) on the default ports is never measured by mistake.
 * The simulators post no webhooks (their URLs name the default ports): the bench changes no data.
 */
export const BENCH_VENDORS: ServiceEntry[] = VENDOR_SIMULATORS.map(({ name, entry }, i) => ({ name, entry, port: 4701 + i }));
export const BENCH_SUBGRAPHS = SUBGRAPHS.map((subgraph, i) => ({ ...subgraph, port: 4711 + i }));
export const TARGET_PORTS = 4720;
/** Where the subgraphs post their cache invalidations (see `invalidation-sink.ts`). */
export const INVALIDATION_SINK_PORT = 4700;

const url = (entry: ServiceEntry, path = '') => `http://127.0.0.1:${entry.port}${path}`;
const variable = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

/**
 * Where the vendors and subgraphs are, in the variables the subgraphs (`PIM_VENDOR_URL`, …) and the
 * gateways (`SUBGRAPH_PIM_URL`, …) read.
 */
export function locations(): Record<string, string> {
  return Object.fromEntries([
    ...BENCH_VENDORS.map((vendor) => [`${variable(vendor.name)}_URL`, url(vendor)]),
    ...BENCH_SUBGRAPHS.map((subgraph) => [`SUBGRAPH_${variable(subgraph.subgraph)}_URL`, url(subgraph, '/graphql')]),
  ]);
}

/** The committed supergraph with its subgraphs where this run put them, read as the gateway reads them. */
export function benchSupergraph(): Supergraph {
  return loadSupergraph(SUPERGRAPH_PATH, readGatewayConfig([], process.env).subgraphUrls);
}

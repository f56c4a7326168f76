import type { ServiceEntry } from '../scripts/topology.js';
import { HIVE_FOLDER, HIVE_VERSION, installHiveGateway } from './hive-install.js';
import { describeHiveResponseCache } from './hive-response-cache.js';
import { BENCH_SUBGRAPHS, TARGET_PORTS } from './topology.js';

/** A process the bench loads, with what it runs (printed above the tables). */
export interface Target extends ServiceEntry {
  configuration: string;
  /** What must be in place before its process starts. */
  prepare?: () => void;
  /** Services of its own, started once the subgraphs answer (e.g. an orchestration instance only it routes to). */
  companions?: ServiceEntry[];
}

/** The target every ratio is taken against. */
export const BASELINE = 'apollo-gateway';

const VARIANT = 'bench/gateway-variant.ts';
const HIVE = 'bench/hive-gateway.ts';
export const SHIPPED = 'gateway/index.ts';
/** A database of its own on the machine's Redis, apart from the tests'. */
const REDIS_URL = 'redis://127.0.0.1:6379/7';

export function gateway(i: number, name: string, entry: string, flags: string[], configuration: string, env?: Record<string, string>): Target {
  const port = TARGET_PORTS + i;
  const prepare = entry === HIVE ? installHiveGateway : undefined;
  return { name, entry, port, args: [...flags, '--port', String(port)], configuration, prepare, env };
}

/** Every gateway measured, each in its own process, all on the committed supergraph and the same subgraphs. */
export const GATEWAYS: Target[] = [
  gateway(0, BASELINE, VARIANT, ['--variant', 'plain'], '@apollo/gateway in Apollo Server, nothing of ours'),
  gateway(1, 'ours policy-off', VARIANT, ['--variant', 'policy-off'], 'createGateway without the access policy: identity, limits, resilience; no fetch cache'),
  gateway(2, 'ours policy-on', VARIANT, ['--variant', 'policy-on'], 'createGateway with policies/: the same plus the access policy; no fetch cache'),
  gateway(3, 'ours + cache', SHIPPED, [], `${SHIPPED} as it ships: policy on, fetch cache in memory, metrics recorded (not served)`),
  gateway(4, 'ours + Redis hits', SHIPPED, [], `the same with Redis (${REDIS_URL}) and an L1 of one entry: warm fetches come from Redis`, {
    REDIS_URL,
    CACHE_MAX_ENTRIES: '1',
  }),
  gateway(5, 'hive-gateway', HIVE, [], `@graphql-hive/gateway ${HIVE_VERSION} (from ${HIVE_FOLDER}) on node:http, its defaults`),
  gateway(6, 'hive + response cache', HIVE, ['--response-cache'], `the same, responseCaching ${describeHiveResponseCache()}`),
];

/** A subgraph asked directly for its part of a page: the floor under every gateway's figures. */
export function direct(subgraph: string): Target {
  const entry = BENCH_SUBGRAPHS.find((s) => s.subgraph === subgraph)!;
  return { ...entry, name: `${subgraph} subgraph (direct)`, configuration: `the ${subgraph} subgraph alone` };
}

export const graphqlUrl = (target: Target) => `http://127.0.0.1:${target.port}/graphql`;

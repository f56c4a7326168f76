import type { ServiceEntry } from '../scripts/topology.js';
import { HIVE_FOLDER, HIVE_VERSION, installHiveGateway } from './hive-install.js';
import { describeHiveResponseCache } from './hive-response-cache.js';
import { BENCH_SUBGRAPHS, TARGET_PORTS } from './topology.js';

/** A process the bench loads, with what it runs (printed above the tables). */
export interface Target extends ServiceEntry {
  configuration: string;
  /** What must be in place before its process starts. */
  prepare?: () => void;
}

/** The target every ratio is taken against. */
export const BASELINE = 'apollo-gateway';

const VARIANT = 'bench/gateway-variant.ts';
const HIVE = 'bench/hive-gateway.ts';

function gateway(i: number, name: string, entry: string, flags: string[], configuration: string): Target {
  const port = TARGET_PORTS + i;
  const prepare = entry === HIVE ? installHiveGateway : undefined;
  return { name, entry, port, args: [...flags, '--port', String(port)], configuration, prepare };
}

/** Every gateway measured, each in its own process, all on the committed supergraph and the same subgraphs. */
export const GATEWAYS: Target[] = [
  gateway(0, BASELINE, VARIANT, ['--variant', 'plain'], '@apollo/gateway in Apollo Server, nothing of ours'),
  gateway(1, 'ours policy-off', VARIANT, ['--variant', 'policy-off'], 'our gateway: identity and operation limits, no access policy'),
  gateway(2, 'ours policy-on', VARIANT, ['--variant', 'policy-on'], 'our gateway as it ships: identity, limits, policies/'),
  gateway(3, 'hive-gateway', HIVE, [], `@graphql-hive/gateway ${HIVE_VERSION} (from ${HIVE_FOLDER}) on node:http, its defaults`),
  gateway(4, 'hive + response cache', HIVE, ['--response-cache'], `the same, responseCaching ${describeHiveResponseCache()}`),
];

/** A subgraph asked directly for its part of a page: the floor under every gateway's figures. */
export function direct(subgraph: string): Target {
  const entry = BENCH_SUBGRAPHS.find((s) => s.subgraph === subgraph)!;
  return { ...entry, name: `${subgraph} subgraph (direct)`, configuration: `the ${subgraph} subgraph alone` };
}

export const graphqlUrl = (target: Target) => `http://127.0.0.1:${target.port}/graphql`;

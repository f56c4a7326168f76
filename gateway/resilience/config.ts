import { ConfigError, nonNegativeInteger, positiveInteger, readConfig, type Reader } from '../../lib/config.js';
import type { ResiliencePolicy } from './subgraph-resilience.js';

export interface ResilienceConfig {
  /** What a subgraph without overrides gets. */
  defaults: ResiliencePolicy;
  /** Every named subgraph's policy: the defaults with its own overrides. */
  subgraphs: Record<string, ResiliencePolicy>;
}

export const RESILIENCE_DEFAULTS: ResiliencePolicy = {
  timeoutMs: 10_000,
  retries: 2,
  retryBackoffMs: 50,
  breakerThreshold: 5,
  halfOpenAfterMs: 10_000,
  maxConcurrency: 100,
};

/** Each setting's variable, after `SUBGRAPH_` (the default) or `SUBGRAPH_<NAME>_` (one subgraph's). */
const SETTINGS: { [K in keyof ResiliencePolicy]: { suffix: string; reader: (fallback: number) => Reader<number> } } = {
  timeoutMs: { suffix: 'TIMEOUT_MS', reader: positiveInteger },
  retries: { suffix: 'RETRIES', reader: nonNegativeInteger },
  retryBackoffMs: { suffix: 'RETRY_BACKOFF_MS', reader: positiveInteger },
  breakerThreshold: { suffix: 'BREAKER_THRESHOLD', reader: positiveInteger },
  halfOpenAfterMs: { suffix: 'BREAKER_HALF_OPEN_MS', reader: positiveInteger },
  maxConcurrency: { suffix: 'MAX_CONCURRENCY', reader: positiveInteger },
};
const KEYS = Object.keys(SETTINGS) as (keyof ResiliencePolicy)[];
const OVERRIDE_VARIABLE = new RegExp(`^SUBGRAPH_\\w+_(${KEYS.map((key) => SETTINGS[key].suffix).join('|')})$`);

/**
 * Reads each subgraph's resilience policy: `SUBGRAPH_TIMEOUT_MS`, `SUBGRAPH_RETRIES`, … for all,
 * overridden for one by `SUBGRAPH_<NAME>_TIMEOUT_MS`, … (NAME upper-cased, other characters `_`).
 * A bad value, or an override naming no subgraph, is in the one ConfigError.
 */
export function readResilienceConfig(env: NodeJS.ProcessEnv, subgraphNames: readonly string[]): ResilienceConfig {
  const problems: string[] = [];
  const read = (prefix: string, fallback: ResiliencePolicy) => collect(problems, () => readPolicy(env, prefix, fallback));
  const defaults = read(prefixOf(), RESILIENCE_DEFAULTS) ?? RESILIENCE_DEFAULTS;
  const subgraphs = Object.fromEntries(subgraphNames.map((name) => [name, read(prefixOf(name), defaults) ?? defaults]));
  problems.push(...unknownOverrides(env, subgraphNames));
  if (problems.length > 0) throw new ConfigError(problems);
  return { defaults, subgraphs };
}

function readPolicy(env: NodeJS.ProcessEnv, prefix: string, fallback: ResiliencePolicy): ResiliencePolicy {
  const variable = (key: keyof ResiliencePolicy) => prefix + SETTINGS[key].suffix;
  const values = readConfig(Object.fromEntries(KEYS.map((key) => [variable(key), SETTINGS[key].reader(fallback[key])])), env);
  const policy = { ...fallback };
  for (const key of KEYS) policy[key] = values[variable(key)]!;
  return policy;
}

/** A misspelt subgraph name would otherwise leave its override silently unused. */
function unknownOverrides(env: NodeJS.ProcessEnv, subgraphNames: readonly string[]): string[] {
  const prefixes = [prefixOf(), ...subgraphNames.map(prefixOf)];
  const known = new Set(prefixes.flatMap((prefix) => KEYS.map((key) => prefix + SETTINGS[key].suffix)));
  const names = subgraphNames.join(', ') || 'none';
  return Object.keys(env)
    .filter((variable) => OVERRIDE_VARIABLE.test(variable) && !known.has(variable))
    .map((variable) => `${variable} names no subgraph of the supergraph (its subgraphs: ${names})`);
}

/** `SUBGRAPH_` for the defaults; `SUBGRAPH_<NAME>_` for one subgraph, its name upper-cased, other characters `_`. */
function prefixOf(subgraphName?: string): string {
  return subgraphName === undefined ? 'SUBGRAPH_' : `SUBGRAPH_${subgraphName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_`;
}

function collect<T>(problems: string[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { StaleReason } from '../cache/fetch-cache.js';
import type { CircuitStateName, SubgraphResilience } from '../resilience/subgraph-resilience.js';

/** A cached subgraph fetch, or a whole cached answer. */
export type CacheName = 'fetch' | 'response';
export type CacheTier = 'memory' | 'redis';

/** Which cache an event is about; a subgraph fetch names its subgraph, a whole answer none. */
export interface CacheLabels {
  cache: CacheName;
  subgraph?: string;
}

/** What the gateway records, without its callers knowing prom-client. */
export interface GatewayMetrics {
  /** `tier`: which store answered, when the cache can tell. */
  cacheHit(labels: CacheLabels & { tier?: CacheTier }): void;
  cacheMiss(labels: CacheLabels): void;
  staleServed(labels: CacheLabels & { reason: StaleReason }): void;
  /** A background refresh of a stale entry. */
  cacheRefresh(labels: CacheLabels): void;
  /** One invalidation message received, naming `tagCount` tags. */
  invalidation(tagCount: number): void;
  /** Whether Redis answers; the gauge appears with the first report, so a gateway without Redis has none. */
  redisUp(up: boolean): void;
  /** Records the subgraph's circuit state from now on, and the latency, retries and errors of its calls. */
  observeSubgraph(resilience: SubgraphResilience): void;
  /** The Prometheus text exposition of every metric, and its content type. */
  render(): Promise<string>;
  readonly contentType: string;
}

const CIRCUIT_STATE_VALUES: Record<CircuitStateName, number> = { closed: 0, 'half-open': 1, open: 2 };

/**
 * The metrics of one gateway, in a registry of its own (so tests can run several gateways), with
 * the process defaults (CPU, memory, event loop, GC) beside them.
 */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter({ name, help, labelNames, registers });
  const cache = ['cache', 'subgraph'] as const;

  const hits = counter('gateway_cache_hits_total', 'Answers served fresh from a cache', [...cache, 'tier']);
  const misses = counter('gateway_cache_misses_total', 'Cache lookups that found nothing servable', cache);
  const stale = counter('gateway_cache_stale_served_total', 'Stale answers served, by reason', [...cache, 'reason']);
  const refreshes = counter('gateway_cache_refreshes_total', 'Background refreshes of stale entries', cache);
  const invalidations = counter('gateway_cache_invalidations_total', 'Invalidation messages received');
  const invalidatedTags = counter('gateway_cache_invalidated_tags_total', 'Entity tags invalidated');
  let redis: Gauge | undefined;

  const circuit = new Gauge({
    name: 'gateway_subgraph_circuit_state',
    help: 'Circuit state per subgraph: 0 closed, 1 half-open, 2 open',
    labelNames: ['subgraph'],
    registers,
  });
  const latency = new Histogram({
    name: 'gateway_subgraph_call_duration_seconds',
    help: 'Duration of subgraph calls that reached the subgraph, retries included',
    labelNames: ['subgraph'],
    registers,
  });
  const retries = counter('gateway_subgraph_call_retries_total', 'Further attempts after a retryable failure', ['subgraph']);
  const errors = counter('gateway_subgraph_call_errors_total', 'Subgraph calls that failed, by reason', ['subgraph', 'reason']);

  return {
    cacheHit: (labels) => hits.inc(labels),
    cacheMiss: (labels) => misses.inc(labels),
    staleServed: (labels) => stale.inc(labels),
    cacheRefresh: (labels) => refreshes.inc(labels),
    invalidation(tagCount) {
      invalidations.inc();
      invalidatedTags.inc(tagCount);
    },
    redisUp(up) {
      redis ??= new Gauge({ name: 'gateway_redis_up', help: 'Whether Redis answers: 1 up, 0 down', registers });
      redis.set(up ? 1 : 0);
    },
    observeSubgraph(resilience) {
      const { subgraph } = resilience;
      circuit.set({ subgraph }, CIRCUIT_STATE_VALUES[resilience.state()]);
      resilience.onStateChange((state) => circuit.set({ subgraph }, CIRCUIT_STATE_VALUES[state]));
      resilience.onCall(({ outcome, attempts, durationMs }) => {
        if (attempts > 0) latency.observe({ subgraph }, durationMs / 1000);
        if (attempts > 1) retries.inc({ subgraph }, attempts - 1);
        if (outcome !== 'success') errors.inc({ subgraph, reason: outcome });
      });
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

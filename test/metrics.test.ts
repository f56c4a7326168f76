import { describe, expect, it } from 'vitest';
import { createGatewayMetrics } from '../gateway/metrics/gateway-metrics.js';
import { samples } from './support/prometheus-text.js';

describe('the gateway metrics', () => {
  it('counts cache events with their cache, subgraph, tier and reason', async () => {
    const metrics = createGatewayMetrics();
    metrics.cacheHit({ cache: 'fetch', subgraph: 'pim', tier: 'memory' });
    metrics.cacheHit({ cache: 'fetch', subgraph: 'pim', tier: 'memory' });
    metrics.cacheHit({ cache: 'response', tier: 'redis' });
    metrics.cacheMiss({ cache: 'fetch', subgraph: 'inventory' });
    metrics.staleServed({ cache: 'fetch', subgraph: 'inventory', reason: 'stale-if-error' });
    metrics.staleServed({ cache: 'response', reason: 'stale-while-revalidate' });
    metrics.cacheRefresh({ cache: 'fetch', subgraph: 'inventory' });
    metrics.invalidation(3);
    metrics.invalidation(2);

    const text = await metrics.render();
    expect(samples(text, 'gateway_cache_')).toEqual([
      'gateway_cache_hits_total{cache="fetch",subgraph="pim",tier="memory"} 2',
      'gateway_cache_hits_total{cache="response",tier="redis"} 1',
      'gateway_cache_misses_total{cache="fetch",subgraph="inventory"} 1',
      'gateway_cache_stale_served_total{cache="fetch",subgraph="inventory",reason="stale-if-error"} 1',
      'gateway_cache_stale_served_total{cache="response",reason="stale-while-revalidate"} 1',
      'gateway_cache_refreshes_total{cache="fetch",subgraph="inventory"} 1',
      'gateway_cache_invalidations_total 2',
      'gateway_cache_invalidated_tags_total 5',
    ]);
  });

  it('reports Redis only once a client has said whether it answers', async () => {
    const metrics = createGatewayMetrics();
    expect(await metrics.render()).not.toContain('gateway_redis_up');
    metrics.redisUp(false);
    expect(samples(await metrics.render(), 'gateway_redis_up')).toEqual(['gateway_redis_up 0']);
    metrics.redisUp(true);
    expect(samples(await metrics.render(), 'gateway_redis_up')).toEqual(['gateway_redis_up 1']);
  });

  it('carries the process defaults, in the Prometheus text format', async () => {
    const metrics = createGatewayMetrics();
    expect(metrics.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await metrics.render();
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE nodejs_heap_size_used_bytes gauge');
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('keeps each gateway instance apart', async () => {
    const [one, other] = [createGatewayMetrics(), createGatewayMetrics()];
    one.cacheMiss({ cache: 'response' });
    expect(samples(await one.render(), 'gateway_cache_misses_total')).toEqual(['gateway_cache_misses_total{cache="response"} 1']);
    expect(samples(await other.render(), 'gateway_cache_misses_total')).toEqual([]);
  });
});


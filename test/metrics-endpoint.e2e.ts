import { ApolloServer } from '@apollo/server';
import { afterAll, describe, expect, it } from 'vitest';
import { createGatewayMetrics } from '../gateway/metrics/gateway-metrics.js';
import { METRICS_ROUTE, metricsRoutes, serveMetrics } from '../gateway/metrics/serve-metrics.js';
import type { RunningServer } from '../lib/service/listen.js';
import { graphql } from './support/graphql.js';
import { startGraphQL } from './support/servers.js';

const TOKEN = 'metrics-token-of-at-least-32-characters';

/** A GraphQL service with `/metrics` beside `/graphql`, as the gateway serves it on its public listener. */
function serviceWithMetrics(token?: string) {
  const metrics = createGatewayMetrics();
  metrics.cacheMiss({ cache: 'response' });
  return startGraphQL({
    name: 'public',
    server: new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } }),
    context: async () => ({}),
    routes: metricsRoutes(metrics, { token }),
  });
}

const scrape = (server: RunningServer, headers: Record<string, string> = {}) => fetch(`${server.url}${METRICS_ROUTE}`, { headers });

describe('/metrics', () => {
  it('answers 401 on the public listener without its bearer token, or with another one', async () => {
    const server = await serviceWithMetrics(TOKEN);
    const refused = await scrape(server);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await refused.json()).toEqual({
      errors: [{ message: 'A metrics bearer token is required', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    for (const authorization of [`Bearer ${TOKEN.slice(1)}x`, 'Bearer short', `Basic ${TOKEN}`, `Bearer ${TOKEN} ${TOKEN}`]) {
      expect((await scrape(server, { authorization })).status).toBe(401);
    }
  });

  it('serves the Prometheus text with the token, beside a working /graphql', async () => {
    const server = await serviceWithMetrics(TOKEN);
    const response = await scrape(server, { authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toContain('gateway_cache_misses_total{cache="response"} 1');
    expect((await graphql(server.url, '{ ok }')).data).toEqual({ ok: true });
  });

  it('is open without a token (outside production only: see readMetricsConfig)', async () => {
    const server = await serviceWithMetrics();
    expect((await scrape(server)).status).toBe(200);
  });

  describe('on a listener of its own', () => {
    const servers: RunningServer[] = [];
    afterAll(() => Promise.all(servers.map((server) => server.close())));

    it('serves the metrics, behind the token when there is one', async () => {
      const metrics = createGatewayMetrics();
      const open = await serveMetrics(metrics, { port: 0, host: '127.0.0.1' });
      const guarded = await serveMetrics(metrics, { port: 0, host: '127.0.0.1', token: TOKEN });
      servers.push(open, guarded);
      expect(open.name).toBe('metrics');
      expect((await scrape(open)).status).toBe(200);
      expect((await scrape(guarded)).status).toBe(401);
      expect((await scrape(guarded, { authorization: `bearer ${TOKEN}` })).status).toBe(200);
    });
  });
});

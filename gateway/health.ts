import type { HealthReport } from '../lib/service/graphql.js';
import type { SubgraphEndpoint } from './supergraph.js';

interface SubgraphHealth {
  url: string;
  reachable: boolean;
  latencyMs: number;
  error?: string;
}

/**
 * `GET /health`: the gateway is up (200) as soon as it serves; each subgraph's reachability is
 * reported beside it, found by the smallest GraphQL operation every server answers.
 */
export function subgraphHealth(subgraphs: SubgraphEndpoint[], timeoutMs: number): () => Promise<HealthReport> {
  return async () => {
    const checks = await Promise.all(subgraphs.map((subgraph) => probe(subgraph, timeoutMs)));
    const report = Object.fromEntries(subgraphs.map((subgraph, i) => [subgraph.name, checks[i]]));
    const reachable = checks.filter((check) => check.reachable).length;
    return {
      ok: true,
      status: reachable === checks.length ? 'pass' : 'degraded',
      subgraphs: report,
    };
  };
}

async function probe({ url }: SubgraphEndpoint, timeoutMs: number): Promise<SubgraphHealth> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query __GatewayHealthCheck { __typename }' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.ok
      ? { url, reachable: true, latencyMs: elapsed() }
      : { url, reachable: false, latencyMs: elapsed(), error: `HTTP ${response.status}` };
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : 'unreachable';
    return { url, reachable: false, latencyMs: elapsed(), error: reason };
  }
}

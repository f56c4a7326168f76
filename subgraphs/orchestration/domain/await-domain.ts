import type { DomainSubgraph } from './domain-subgraphs.js';

/**
 * Waits until every domain subgraph answers `GET /health`, or `timeoutMs` has passed. DBOS resumes the
 * workflows a crash interrupted as soon as it launches, and their next steps call these subgraphs: under
 * `npm start` they start at the same time as this one. Returns the subgraphs still not answering.
 */
export async function awaitDomain(urls: Record<DomainSubgraph, string>, timeoutMs: number): Promise<DomainSubgraph[]> {
  const deadline = Date.now() + timeoutMs;
  let waiting = Object.keys(urls) as DomainSubgraph[];
  while (waiting.length > 0 && Date.now() < deadline) {
    const answers = await Promise.all(waiting.map((subgraph) => healthy(urls[subgraph])));
    waiting = waiting.filter((_, i) => !answers[i]);
    if (waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return waiting;
}

async function healthy(graphqlUrl: string): Promise<boolean> {
  const response = await fetch(new URL('/health', graphqlUrl), { signal: AbortSignal.timeout(1_000) }).catch(() => null);
  return response?.ok === true;
}

import { beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphResilience, type CallReport, type ResiliencePolicy } from '../gateway/resilience/subgraph-resilience.js';
import { outcomeOf, queryThrough, startScriptedSubgraph, type Reply, type ScriptedSubgraph } from './support/scripted-subgraph.js';

const POLICY: ResiliencePolicy = { timeoutMs: 2_000, retries: 2, retryBackoffMs: 1, breakerThreshold: 100, halfOpenAfterMs: 10_000, maxConcurrency: 10 };

describe('retries of one subgraph', () => {
  let subgraph: ScriptedSubgraph;

  beforeAll(async () => {
    subgraph = await startScriptedSubgraph();
  });

  /** Runs one call against `replies`: how it ended and how many requests reached the subgraph. */
  async function run(replies: Reply[], { retry, policy = POLICY }: { retry: boolean; policy?: ResiliencePolicy }) {
    const resilience = createSubgraphResilience({ subgraph: 'pim', ...policy });
    const reports: CallReport[] = [];
    resilience.onCall((report) => reports.push(report));
    subgraph.script(...replies);
    const before = subgraph.requests;
    const outcome = await outcomeOf(resilience.execute(queryThrough(subgraph.url), { retry }));
    return { outcome, requests: subgraph.requests - before, reports };
  }

  it('retries a query on 502, 503 and 504 until it is answered', async () => {
    const { outcome, requests, reports } = await run([502, 503, 'answer'], { retry: true });
    expect({ outcome, requests }).toEqual({ outcome: 'answered', requests: 3 });
    expect(reports).toMatchObject([{ subgraph: 'pim', outcome: 'success', attempts: 3 }]);
    expect(await run([504, 'answer'], { retry: true })).toMatchObject({ outcome: 'answered', requests: 2 });
  });

  it('retries a query whose connection was dropped', async () => {
    expect(await run(['reset', 'answer'], { retry: true })).toMatchObject({ outcome: 'answered', requests: 2 });
  });

  it('gives up after the configured retries, with the last failure', async () => {
    expect(await run([503], { retry: true })).toMatchObject({ outcome: 'http-503', requests: 3 });
  });

  it('never retries a mutation (retry: false)', async () => {
    expect(await run([503, 'answer'], { retry: false })).toMatchObject({ outcome: 'http-503', requests: 1 });
    expect(await run(['reset', 'answer'], { retry: false })).toMatchObject({ outcome: 'transport', requests: 1 });
  });

  it.each([400, 404, 429, 500])('does not retry HTTP %i', async (status) => {
    expect(await run([status, 'answer'], { retry: true })).toMatchObject({ outcome: `http-${status}`, requests: 1 });
  });

  it('does not retry an answer with GraphQL errors', async () => {
    expect(await run(['vendor-unavailable', 'answer'], { retry: true })).toMatchObject({ outcome: 'answered', requests: 1 });
  });

  it('does not retry an attempt that timed out: the timeout bounds the whole call', async () => {
    const policy = { ...POLICY, timeoutMs: 100 };
    expect(await run(['hang', 'answer'], { retry: true, policy })).toMatchObject({ outcome: 'timeout', requests: 1 });
  });
});

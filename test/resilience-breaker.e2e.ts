import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSubgraphResilience, type CircuitStateName, type SubgraphResilience } from '../gateway/resilience/subgraph-resilience.js';
import { outcomeOf, queryThrough, reportsOutage, startScriptedSubgraph, type ScriptedSubgraph } from './support/scripted-subgraph.js';

const HALF_OPEN_AFTER_MS = 200;
const POLICY = { timeoutMs: 2_000, retries: 0, retryBackoffMs: 1, breakerThreshold: 3, halfOpenAfterMs: HALF_OPEN_AFTER_MS, maxConcurrency: 10 };

describe('the circuit breaker of one subgraph', () => {
  let subgraph: ScriptedSubgraph;
  let resilience: SubgraphResilience;
  let query: () => Promise<unknown>;

  beforeAll(async () => {
    subgraph = await startScriptedSubgraph();
  });
  beforeEach(() => {
    resilience = createSubgraphResilience({ subgraph: 'inventory', ...POLICY });
    const call = queryThrough(subgraph.url);
    query = () => resilience.execute(call, { retry: false });
  });

  async function openTheCircuit(): Promise<void> {
    subgraph.script(503);
    for (let i = 0; i < POLICY.breakerThreshold; i++) expect(await outcomeOf(query())).toBe('http-503');
    expect(resilience.state()).toBe('open');
  }

  const halfOpenTime = () => new Promise((resolve) => setTimeout(resolve, HALF_OPEN_AFTER_MS + 50));

  it('opens after the threshold of consecutive failures, then refuses at once without calling', async () => {
    await openTheCircuit();
    const requests = subgraph.requests;
    for (let i = 0; i < 5; i++) expect(await outcomeOf(query())).toBe('circuit-open');
    expect(subgraph.requests).toBe(requests);
  });

  it('opens on a hung subgraph, which then costs nothing more', async () => {
    resilience = createSubgraphResilience({ subgraph: 'inventory', ...POLICY, timeoutMs: 100 });
    subgraph.script('hang');
    const [requests, abandoned] = [subgraph.requests, subgraph.abandoned];
    for (let i = 0; i < POLICY.breakerThreshold; i++) expect(await outcomeOf(query())).toBe('timeout');
    expect(await outcomeOf(query())).toBe('circuit-open');
    expect(subgraph.requests - requests).toBe(POLICY.breakerThreshold);
    await expect.poll(() => subgraph.abandoned - abandoned).toBe(POLICY.breakerThreshold);
  });

  it('lets one trial call through once half-open, and closes when it succeeds', async () => {
    const states: CircuitStateName[] = [];
    resilience.onStateChange((state) => states.push(state));
    await openTheCircuit();
    subgraph.script('answer');
    await halfOpenTime();
    const requests = subgraph.requests;

    const outcomes = await Promise.all([query(), query(), query()].map(outcomeOf));
    expect(outcomes).toEqual(['answered', 'circuit-open', 'circuit-open']);
    expect(subgraph.requests).toBe(requests + 1);
    expect(states).toEqual(['open', 'half-open', 'closed']);

    await query();
    expect(subgraph.requests).toBe(requests + 2);
  });

  it('opens again at once when the trial call fails', async () => {
    await openTheCircuit();
    await halfOpenTime();
    expect(await outcomeOf(query())).toBe('http-503');
    expect(resilience.state()).toBe('open');
    const requests = subgraph.requests;
    expect(await outcomeOf(query())).toBe('circuit-open');
    expect(subgraph.requests).toBe(requests);
  });

  it('counts answers that report an outage toward opening, and still returns them', async () => {
    subgraph.script('vendor-unavailable');
    const call = queryThrough(subgraph.url);
    for (let i = 0; i < POLICY.breakerThreshold; i++) {
      const answer = await resilience.execute(call, { retry: true, isFailure: reportsOutage });
      expect(answer.errors?.[0]?.extensions?.code).toBe('VENDOR_UNAVAILABLE');
    }
    expect(resilience.state()).toBe('open');
    expect(await outcomeOf(resilience.execute(call, { retry: true, isFailure: reportsOutage }))).toBe('circuit-open');
  });

  it('stays closed for a subgraph that refuses requests (4xx): it is up', async () => {
    subgraph.script(400);
    const requests = subgraph.requests;
    for (let i = 0; i < POLICY.breakerThreshold + 2; i++) expect(await outcomeOf(query())).toBe('http-400');
    expect(resilience.state()).toBe('closed');
    expect(subgraph.requests).toBe(requests + POLICY.breakerThreshold + 2);
  });
});


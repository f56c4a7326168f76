import { beforeAll, describe, expect, it } from 'vitest';
import { SubgraphCallError } from '../gateway/resilience/failure.js';
import { createSubgraphResilience, type ResiliencePolicy } from '../gateway/resilience/subgraph-resilience.js';
import { outcomeOf, queryThrough, startScriptedSubgraph, type ScriptedSubgraph } from './support/scripted-subgraph.js';

const POLICY: ResiliencePolicy = { timeoutMs: 5_000, retries: 2, retryBackoffMs: 1, breakerThreshold: 100, halfOpenAfterMs: 10_000, maxConcurrency: 2 };

describe('the timeout and the bulkhead of one subgraph', () => {
  let subgraph: ScriptedSubgraph;

  beforeAll(async () => {
    subgraph = await startScriptedSubgraph();
  });

  it('abandons a hung call at the timeout, with an error that names the subgraph and no address', async () => {
    const resilience = createSubgraphResilience({ subgraph: 'crm', ...POLICY, timeoutMs: 150 });
    subgraph.script('hang');
    const abandoned = subgraph.abandoned;
    const error = await resilience.execute(queryThrough(subgraph.url), { retry: true }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(SubgraphCallError);
    expect(error).toMatchObject({ reason: 'timeout', code: 'SUBGRAPH_UNAVAILABLE', message: 'Subgraph "crm" is unavailable: no answer within 150 ms' });
    await expect.poll(() => subgraph.abandoned).toBe(abandoned + 1);
  });

  it('refuses calls beyond its bound at once, without calling, and takes them again once a slot is free', async () => {
    const resilience = createSubgraphResilience({ subgraph: 'crm', ...POLICY });
    const call = queryThrough(subgraph.url);
    subgraph.script('hang');
    const before = subgraph.requests;
    const inFlight = [resilience.execute(call, { retry: true }), resilience.execute(call, { retry: true })];
    await expect.poll(() => subgraph.requests).toBe(before + 2);

    expect(await outcomeOf(resilience.execute(call, { retry: true }))).toBe('bulkhead-full');
    expect(subgraph.requests).toBe(before + 2);

    subgraph.releaseHung();
    expect(await Promise.all(inFlight.map(outcomeOf))).toEqual(['answered', 'answered']);
    subgraph.script('answer');
    expect(await outcomeOf(resilience.execute(call, { retry: true }))).toBe('answered');
  });
});

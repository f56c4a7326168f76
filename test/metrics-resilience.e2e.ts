import { beforeAll, describe, expect, it } from 'vitest';
import { createGatewayMetrics } from '../gateway/metrics/gateway-metrics.js';
import { createSubgraphResilience } from '../gateway/resilience/subgraph-resilience.js';
import { samples } from './support/prometheus-text.js';
import { outcomeOf, queryThrough, startScriptedSubgraph, type ScriptedSubgraph } from './support/scripted-subgraph.js';

const POLICY = { timeoutMs: 2_000, retries: 1, retryBackoffMs: 1, breakerThreshold: 2, halfOpenAfterMs: 10_000, maxConcurrency: 10 };

describe('the metrics of subgraph calls', () => {
  let subgraph: ScriptedSubgraph;

  beforeAll(async () => {
    subgraph = await startScriptedSubgraph();
  });

  it('record each circuit state, the latency of calls, their retries and their errors by reason', async () => {
    const metrics = createGatewayMetrics();
    const pim = createSubgraphResilience({ subgraph: 'pim', ...POLICY });
    metrics.observeSubgraph(pim);
    metrics.observeSubgraph(createSubgraphResilience({ subgraph: 'crm', ...POLICY }));
    const call = queryThrough(subgraph.url);
    expect(samples(await metrics.render(), 'gateway_subgraph_circuit_state')).toEqual([
      'gateway_subgraph_circuit_state{subgraph="pim"} 0',
      'gateway_subgraph_circuit_state{subgraph="crm"} 0',
    ]);

    subgraph.script(503, 'answer');
    expect(await outcomeOf(pim.execute(call, { retry: true }))).toBe('answered');
    subgraph.script('vendor-unavailable');
    await pim.execute(call, { retry: false, isFailure: () => true });
    subgraph.script(503);
    expect(await outcomeOf(pim.execute(call, { retry: false }))).toBe('http-503');
    expect(await outcomeOf(pim.execute(call, { retry: false }))).toBe('circuit-open');

    const text = await metrics.render();
    expect(samples(text, 'gateway_subgraph_circuit_state')).toEqual([
      'gateway_subgraph_circuit_state{subgraph="pim"} 2',
      'gateway_subgraph_circuit_state{subgraph="crm"} 0',
    ]);
    expect(samples(text, 'gateway_subgraph_call_duration_seconds_count')).toEqual([
      'gateway_subgraph_call_duration_seconds_count{subgraph="pim"} 3',
    ]);
    expect(samples(text, 'gateway_subgraph_call_retries_total')).toEqual(['gateway_subgraph_call_retries_total{subgraph="pim"} 1']);
    expect(samples(text, 'gateway_subgraph_call_errors_total')).toEqual([
      'gateway_subgraph_call_errors_total{subgraph="pim",reason="failed-answer"} 1',
      'gateway_subgraph_call_errors_total{subgraph="pim",reason="http-503"} 1',
      'gateway_subgraph_call_errors_total{subgraph="pim",reason="circuit-open"} 1',
    ]);
  });
});

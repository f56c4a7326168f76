import { describe, expect, it } from 'vitest';
import { ConfigError } from '../lib/config.js';
import { readResilienceConfig, RESILIENCE_DEFAULTS } from '../gateway/resilience/config.js';

const SUBGRAPHS = ['inventory', 'store-pos'];

describe('the resilience configuration', () => {
  it('gives every subgraph the defaults when nothing is set', () => {
    expect(readResilienceConfig({}, SUBGRAPHS)).toEqual({
      defaults: RESILIENCE_DEFAULTS,
      subgraphs: { inventory: RESILIENCE_DEFAULTS, 'store-pos': RESILIENCE_DEFAULTS },
    });
    expect(RESILIENCE_DEFAULTS).toEqual({
      timeoutMs: 10_000,
      retries: 2,
      retryBackoffMs: 50,
      breakerThreshold: 5,
      halfOpenAfterMs: 10_000,
      maxConcurrency: 100,
    });
  });

  it('applies SUBGRAPH_* to all, and SUBGRAPH_<NAME>_* to that subgraph only', () => {
    const config = readResilienceConfig(
      {
        SUBGRAPH_TIMEOUT_MS: '3000',
        SUBGRAPH_RETRIES: '0',
        SUBGRAPH_BREAKER_THRESHOLD: '3',
        SUBGRAPH_STORE_POS_TIMEOUT_MS: '800',
        SUBGRAPH_STORE_POS_MAX_CONCURRENCY: '20',
        SUBGRAPH_INVENTORY_BREAKER_HALF_OPEN_MS: '2500',
        SUBGRAPH_INVENTORY_RETRY_BACKOFF_MS: '10',
      },
      SUBGRAPHS,
    );
    const defaults = { ...RESILIENCE_DEFAULTS, timeoutMs: 3000, retries: 0, breakerThreshold: 3 };
    expect(config.defaults).toEqual(defaults);
    expect(config.subgraphs).toEqual({
      inventory: { ...defaults, halfOpenAfterMs: 2500, retryBackoffMs: 10 },
      'store-pos': { ...defaults, timeoutMs: 800, maxConcurrency: 20 },
    });
  });

  it('names every bad value, and every override of a subgraph the supergraph does not have, in one error', () => {
    const read = () =>
      readResilienceConfig(
        { SUBGRAPH_RETRIES: '-1', SUBGRAPH_MAX_CONCURRENCY: '0', SUBGRAPH_INVENTORY_TIMEOUT_MS: 'soon', SUBGRAPH_INVENTRY_RETRIES: '1' },
        SUBGRAPHS,
      );
    expect(read).toThrow(ConfigError);
    expect(() => read()).toThrow(
      [
        'Invalid configuration:',
        '  - SUBGRAPH_RETRIES must be a whole number (0 or more), got "-1"',
        '  - SUBGRAPH_MAX_CONCURRENCY must be a positive integer, got "0"',
        '  - SUBGRAPH_INVENTORY_TIMEOUT_MS must be a positive integer, got "soon"',
        '  - SUBGRAPH_INVENTRY_RETRIES names no subgraph of the supergraph (its subgraphs: inventory, store-pos)',
      ].join('\n'),
    );
  });

  it('leaves the variables of subgraph URLs alone', () => {
    expect(() => readResilienceConfig({ SUBGRAPH_ACCOUNTS_URL: 'http://127.0.0.1:1/graphql' }, SUBGRAPHS)).not.toThrow();
  });
});

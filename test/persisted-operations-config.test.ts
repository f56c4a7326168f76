import { describe, expect, it } from 'vitest';
import { readGatewayConfig } from '../gateway/config.js';

const read = (env: NodeJS.ProcessEnv) => readGatewayConfig([], { NODE_ENV: 'test', ...env });

describe('PERSISTED_OPERATIONS', () => {
  it('holds agents to the registered operations by default', () => {
    expect(read({}).persistedOperations).toEqual(['agent']);
    expect(read({ PERSISTED_OPERATIONS: 'agents' }).persistedOperations).toEqual(['agent']);
  });

  it('holds every principal with `all`, the anonymous storefront included, and none with `off`', () => {
    expect(read({ PERSISTED_OPERATIONS: 'all' }).persistedOperations).toEqual(['anonymous', 'customer', 'staff', 'agent']);
    expect(read({ PERSISTED_OPERATIONS: 'off' }).persistedOperations).toEqual([]);
  });

  it('refuses another value, naming the variable and the values it takes', () => {
    expect(() => read({ PERSISTED_OPERATIONS: 'staff' })).toThrow(/PERSISTED_OPERATIONS must be one of agents, all, off/);
  });
});

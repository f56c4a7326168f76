import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOperations } from '../gateway/operations/registry.js';
import { testClock } from './fixtures/cacheable-supergraph.js';
import { callTool, mcpClientAs, textOf } from './support/mcp-client.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * A tool result says what a GraphQL answer says about staleness: with the warehouse simulator stopped,
 * a read tool still answers from the cache, with `extensions.stale` in its structured content and a
 * word about it in its text. Ages move with the cache's clock, never by waiting.
 */
const FRESHNESS = { staleWhileRevalidateS: 10, staleIfErrorS: 300 };
const STOCK_MAX_AGE_S = 5;

describe('a read tool while a vendor is down', () => {
  const clock = testClock();
  let stack: Stack;
  let client: Client;
  beforeAll(async () => {
    stack = await startStack({ cache: { now: clock.now }, mcp: { registry: loadOperations() } }, { freshness: FRESHNESS });
    client = await mcpClientAs(stack.gateway.url, { kind: 'agent', id: 'browse-bot', scopes: [] });
  });
  afterAll(() => client?.close());

  it('answers from stale, and says so', async () => {
    const fresh = await callTool(client, 'SearchProducts', { first: 4 });
    expect(fresh.answer.extensions?.stale).toBeUndefined();
    await stack.vendors.warehouse.close();
    clock.advance(STOCK_MAX_AGE_S + 1 + FRESHNESS.staleWhileRevalidateS);

    const { result, answer } = await callTool(client, 'SearchProducts', { first: 4 });
    expect(result.isError).toBe(false);
    expect(answer.data).toEqual(fresh.answer.data);
    expect(answer.extensions!.stale).toEqual([expect.objectContaining({ subgraph: 'inventory', reason: 'stale-if-error' })]);
    expect(textOf(result)).toContain('Some of the data is stale');
  });
});

import { randomUUID } from 'node:crypto';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GatewayOptions } from '../gateway/server.js';
import { loadOperations } from '../gateway/operations/registry.js';
import type { RunningServer } from '../lib/service/listen.js';
import type { Principal } from '../policies/principal.js';
import { auditCollector } from './support/audit.js';
import { callTool, mcpClientAs, textOf } from './support/mcp-client.js';
import { startOwnRedis } from './support/redis-server.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * Per-agent rate limits reached through `/mcp`, on two gateway instances that count in one Redis: the
 * limit holds across them, the refusal is a tool error saying when to retry (no vendor called, one
 * audit record for the window), and once the window has passed the agent is answered again.
 */
const ownRedis = await startOwnRedis('test/mcp-rate-limits.e2e.ts');
const WINDOW_SECONDS = 6;
const READS = 3;
const SEARCH = { first: 2 };

let stack: Stack;
let second: RunningServer;
const audit = auditCollector();
const clients: Client[] = [];
const clientOf = async (gateway: RunningServer, principal: Principal) => {
  const client = await mcpClientAs(gateway.url, principal);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  if (!ownRedis) return;
  const options: Partial<GatewayOptions> = {
    mcp: { registry: loadOperations() },
    audit: { log: audit },
    rateLimits: {
      limits: { reads: { points: READS, windowSeconds: WINDOW_SECONDS }, actions: { points: 1, windowSeconds: WINDOW_SECONDS }, operations: {} },
      redis: { url: ownRedis.url, keyPrefix: `test:${randomUUID()}:` },
    },
  };
  stack = await startStack(options);
  second = await stack.startGateway(options);
});
afterAll(() => Promise.all(clients.map((client) => client.close())));

describe.runIf(ownRedis)('rate limits through MCP on two instances', () => {
  it('share one count, refuse past it with retryAfter, and answer again after the window', async () => {
    const agent: Principal = { kind: 'agent', id: `mcp-${randomUUID()}`, scopes: [] };
    const [first, other] = [await clientOf(stack.gateway, agent), await clientOf(second, agent)];
    // Within one window: the calls alternate between the instances, and the fourth is one too many.
    const answers = [];
    for (const client of [first, other, first, other]) answers.push(await callTool(client, 'SearchProducts', SEARCH));
    if (answers.slice(0, READS).some(({ answer }) => answer.errors)) throw new Error('the window passed before the limit was reached: machine too slow');
    const refused = answers[READS]!;
    expect(refused.result.isError).toBe(true);
    expect(refused.answer.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) }) })]);
    expect(textOf(refused.result)).toMatch(/RATE_LIMITED \(retry after \d+s\)/);

    const callsBefore = await stack.vendorCalls();
    const again = await callTool(first, 'SearchProducts', SEARCH);
    expect(again.answer.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(await stack.vendorCalls()).toBe(callsBefore);
    expect(audit.entries.filter((entry) => entry.principal === `agent:${agent.id}` && entry.action === 'rateLimit')).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, again.answer.errors![0]!.extensions!.retryAfter * 1000));
    const recovered = await callTool(other, 'SearchProducts', SEARCH);
    expect(recovered.result.isError).toBe(false);
    expect(recovered.answer.data!.products.nodes).toHaveLength(2);
  });
});

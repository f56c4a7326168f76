import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pool } from '../lib/postgres/pool.js';
import { scratchDatabaseOrSkip } from '../lib/postgres/scratch-database.js';
import type { Principal } from '../policies/principal.js';
import { callTool, mcpClientAs, textOf } from './support/mcp-client.js';
import { startProductStack, type ProductStack } from './support/product-stack.js';
import type { Stack } from './support/stack.js';
import { authAs } from './support/tokens.js';

/**
 * Agents through `/mcp` with the SDK's own client: the tools a principal is shown follow the access
 * policy; a tool call takes the path a GraphQL request takes, guardrails, idempotency and audit included.
 */
const database = await scratchDatabaseOrSkip('test/mcp.e2e.ts');

const browsingBot: Principal = { kind: 'agent', id: 'browse-bot', scopes: [] };
const shopBot: Principal = { kind: 'agent', id: 'shop-bot', scopes: ['orders:place', 'credits:issue', 'customers:read', 'cart:read', 'orders:read'], onBehalfOf: 'C0001' };
const ORDER = { customerId: 'C0001', region: 'EU', lines: [{ sku: 'SKU-10002-01', quantity: 1 }] };

let product: ProductStack;
let stack: Stack;
let pool: Pool;
const clients: Client[] = [];
const clientAs = async (principal: Principal, headers?: Record<string, string>) => {
  const client = await mcpClientAs(stack.gateway.url, principal, headers);
  clients.push(client);
  return client;
};

beforeAll(async () => {
  if (!database) return;
  product = await startProductStack(database);
  ({ stack, pool } = product);
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await product?.close();
});

const auditRecords = async (operationName: string) =>
  (await pool.query('SELECT principal, on_behalf_of, action, outcome, operation_name FROM audit.records WHERE operation_name = $1 ORDER BY seq', [operationName])).rows;

describe.runIf(database)('the MCP server', () => {
  it('shows each principal only the tools its scopes may call', async () => {
    const few = (await (await clientAs(browsingBot)).listTools()).tools.map((tool) => tool.name);
    const many = (await (await clientAs(shopBot)).listTools()).tools.map((tool) => tool.name);
    expect(few.sort()).toEqual(['ActionStatus', 'CheckStock', 'ProductDetails', 'SearchProducts', 'ShippingOptions']);
    expect(many).toEqual(expect.arrayContaining([...few, 'CustomerOverview', 'PlaceOrder', 'IssueGoodwillCredit']));
    expect(many).not.toContain('LaunchPromotion');
    expect(many).not.toContain('WarehouseCapacity');
  });

  it('derives input schemas and hints from the operations', async () => {
    const { tools } = await (await clientAs(shopBot)).listTools();
    const placeOrder = tools.find((tool) => tool.name === 'PlaceOrder')!;
    expect(placeOrder.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true, idempotentHint: true });
    expect(placeOrder.inputSchema.required).toEqual(['customerId', 'region', 'lines', 'idempotencyKey']);
    expect(placeOrder.inputSchema.properties!.lines).toMatchObject({
      type: 'array',
      description: '1 to 50 lines, each variant sku once.',
      items: { type: 'object', required: ['sku', 'quantity'], properties: { quantity: { type: 'integer' } } },
    });
    expect(placeOrder.inputSchema.properties!.dryRun).toMatchObject({ type: 'boolean', default: false });
    expect(placeOrder.description).toContain('dryRun');
    const search = tools.find((tool) => tool.name === 'SearchProducts')!;
    expect(search.annotations).toMatchObject({ readOnlyHint: true });
    expect(search.inputSchema.required).toEqual([]);
  });

  it('answers a read tool with the data as structured content', async () => {
    const { result, answer } = await callTool(await clientAs(browsingBot), 'SearchProducts', { first: 3 });
    expect(result.isError).toBe(false);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.products.nodes).toHaveLength(3);
    expect(result.content[0]).toMatchObject({ type: 'text', text: 'SearchProducts answered.' });
  });

  it('runs an action as a dry run, then for real, then once only for the same key', async () => {
    const client = await clientAs(shopBot, { 'x-agent-reason': 'the customer asked in chat' });
    const dry = await callTool(client, 'PlaceOrder', { ...ORDER, idempotencyKey: 'mcp-order-1', dryRun: true });
    expect(dry.answer.data!.placeOrder).toMatchObject({ status: 'DRY_RUN', dryRun: true, steps: [] });

    const placed = await callTool(client, 'PlaceOrder', { ...ORDER, idempotencyKey: 'mcp-order-1' });
    expect(placed.answer.data!.placeOrder.status).toBe('COMPLETED');
    expect(textOf(placed.result)).toContain('COMPLETED');
    const again = await callTool(client, 'PlaceOrder', { ...ORDER, idempotencyKey: 'mcp-order-1' });
    expect(again.answer.data!.placeOrder).toEqual(placed.answer.data!.placeOrder);

    const orders = (await stack.vendors.commerce.admin.effects()).filter((effect) => effect.kind === 'order');
    expect(orders).toHaveLength(1);
    const records = await auditRecords('PlaceOrder');
    expect(records.filter((record) => record.action === 'placeOrder' && record.principal === 'agent:shop-bot')).toContainEqual(
      expect.objectContaining({ on_behalf_of: 'customer:C0001', outcome: 'served' }),
    );
  });

  it('answers a refused action as a tool error naming its guardrail', async () => {
    const { result, answer } = await callTool(await clientAs(shopBot), 'PlaceOrder', {
      ...ORDER,
      lines: [{ sku: 'SKU-10002-01', quantity: 900 }],
      idempotencyKey: 'mcp-order-too-many',
    });
    expect(result.isError).toBe(true);
    expect(answer.errors!.map((error) => [error.extensions!.code, error.extensions!.guardrail])).toEqual([['GUARDRAIL_REFUSED', 'safety-stock']]);
    expect(textOf(result)).toContain('guardrail safety-stock');
    const records = (await pool.query("SELECT principal, action, step, outcome, decisions FROM audit.records WHERE idempotency_key = 'mcp-order-too-many' ORDER BY seq")).rows;
    expect(records.map(({ principal, action, outcome }) => [principal, action, outcome])).toContainEqual(['agent:shop-bot', 'placeOrder', 'refused']);
    expect(records.flatMap((record) => record.decisions)).toContainEqual(expect.objectContaining({ kind: 'guardrail', name: 'safety-stock', verdict: 'deny' }));
  });

  it('refuses a hidden tool called by name as GraphQL refuses it, and records the refusal', async () => {
    const { result, answer } = await callTool(await clientAs(browsingBot), 'PlaceOrder', { ...ORDER, idempotencyKey: 'mcp-hidden-1' });
    expect(result.isError).toBe(true);
    expect(answer.errors).toEqual([expect.objectContaining({ path: ['placeOrder'], extensions: { code: 'FORBIDDEN', rule: 'actsForArgumentCustomer(orders:place)' } })]);
    expect((await stack.vendors.commerce.admin.effects()).filter((effect) => effect.reference?.includes('mcp-hidden-1'))).toEqual([]);
    expect(await auditRecords('PlaceOrder')).toContainEqual({
      principal: 'agent:browse-bot',
      on_behalf_of: null,
      action: 'placeOrder',
      outcome: 'refused',
      operation_name: 'PlaceOrder',
    });
  });

  it('answers an unknown tool with a protocol error', async () => {
    await expect((await clientAs(browsingBot)).callTool({ name: 'DropDatabase', arguments: {} })).rejects.toThrow(/Unknown tool: DropDatabase/);
  });

  it('asks for a token as an OAuth protected resource', async () => {
    const response = await fetch(`${stack.gateway.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(401);
    const challenge = response.headers.get('www-authenticate')!;
    expect(challenge).toMatch(/^Bearer /);
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)![1]!;
    expect(metadataUrl).toBe(`${stack.gateway.url}/.well-known/oauth-protected-resource/mcp`);
    const metadata = await (await fetch(metadataUrl)).json();
    expect(metadata).toMatchObject({ resource: `${stack.gateway.url}/mcp`, authorization_servers: ['commerce-control-plane'] });
  });

  it('refuses a request from a foreign origin, token or not', async () => {
    const response = await fetch(`${stack.gateway.url}/mcp`, {
      method: 'POST',
      headers: { ...(await authAs(shopBot)), origin: 'https://evil.example', 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(response.status).toBe(403);
    await expect(clientAs(shopBot, { origin: 'http://localhost:6274' })).resolves.toBeDefined();
  });
});

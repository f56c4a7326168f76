import { readFileSync } from 'node:fs';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, LOCAL_POSTGRES_URL } from '../lib/postgres/scratch-database.js';
import type { Principal } from '../policies/principal.js';
import { graphql } from './support/graphql.js';
import { callTool, mcpClientAs } from './support/mcp-client.js';
import { startProductStack, type ProductStack } from './support/product-stack.js';
import type { Stack } from './support/stack.js';
import { authAs } from './support/tokens.js';

/**
 * The README's tour must stay true: every block marked `<!-- example: NAME, as: WHO -->` (GraphQL) or
 * `<!-- tool: NAME, as: WHO -->` (an MCP tool call) runs, in order, against the whole product
 * (orchestration, audit log, MCP, the agents' safelist) as that principal and answers without errors;
 * every `<!-- refused: NAME, as: WHO, guardrail: G -->` block is refused by that guardrail.
 */
const EXAMPLE = /<!-- (example|tool|refused): ([\w-]+), as: ([^>]+?)(?:, guardrail: ([\w-]+))? -->\s*```(?:graphql|json)\n([\s\S]*?)```/g;

function principalOf(who: string): Principal {
  const [kind, id, ...rest] = who.split(' ');
  if (kind === 'anonymous') return { kind: 'anonymous' };
  if (kind === 'customer') return { kind: 'customer', id: id! };
  if (kind === 'staff') return { kind: 'staff', id: id!, roles: rest };
  if (kind === 'agent') {
    const [scopes, , onBehalfOf] = rest; // "scope,scope for C0001"
    return { kind: 'agent', id: id!, scopes: scopes!.split(','), onBehalfOf };
  }
  throw new Error(`README example names an unknown principal: ${who}`);
}

/** `<!-- withheld: NAME, as: WHO, paths: a.b c -->`: what the README says that principal is refused in that example. */
const WITHHELD = /<!-- withheld: ([\w-]+), as: (.+?), paths: ([^>]+?) -->/g;

interface Example {
  kind: 'example' | 'tool' | 'refused';
  name: string;
  principal: Principal;
  guardrail?: string;
  /** A GraphQL document, or a tool call's JSON. */
  text: string;
}

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const all: Example[] = [...readme.matchAll(EXAMPLE)].map(([, kind, name, who, guardrail, text]) => ({
  kind: kind as Example['kind'],
  name: name!,
  principal: principalOf(who!),
  guardrail,
  text: text!,
}));
const answered = all.filter((example) => example.kind !== 'refused');
const refused = all.filter((example) => example.kind === 'refused');
const withheld = [...readme.matchAll(WITHHELD)].map(([, name, who, paths]) => ({ name: name!, who: who!, principal: principalOf(who!), paths: paths!.split(' ') }));

describe('the README tour', () => {
  let product: ProductStack;
  let stack: Stack;
  const clients: Client[] = [];
  beforeAll(async () => {
    product = await startProductStack(await createScratchDatabase(LOCAL_POSTGRES_URL, 'readme'));
    ({ stack } = product);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.close()));
    await product?.close();
  });

  /** A GraphQL block is sent to `/graphql`; a JSON block (`{ name, arguments }`) is a tool call through `/mcp`. */
  async function run({ text, principal }: Example) {
    if (text.trimStart().startsWith('{')) {
      const { name, arguments: args } = JSON.parse(text) as { name: string; arguments: Record<string, unknown> };
      const client = await mcpClientAs(stack.gateway.url, principal);
      clients.push(client);
      const { result, answer } = await callTool(client, name, args);
      return { status: 200, isError: result.isError, ...answer };
    }
    return { isError: false, ...(await graphql(stack.gateway.url, text, undefined, await authAs(principal))) };
  }

  it('has its examples', () => {
    expect(answered.map((example) => `${example.kind} ${example.name}`)).toEqual([
      'example product-listing',
      'example customer-360',
      'example cart-with-stock',
      'example add-to-cart',
      'tool customer-overview',
      'tool place-order-dry-run',
      'tool place-order',
      'tool goodwill-credit',
      'example approve-credit',
      'example audit-trail',
    ]);
    expect(refused.map((example) => example.name)).toEqual(['place-too-many']);
  });

  it.each(answered)('$kind $name answers without errors', async (example) => {
    const { status, data, errors, isError } = await run(example);
    expect(errors).toBeUndefined();
    expect(isError).toBe(false);
    expect(status).toBe(200);
    // A GraphQL example answers every field it asks; an action's answer has nullable fields it leaves empty (`error`).
    if (example.kind === 'example') expect(JSON.stringify(data)).not.toContain('null');
  });

  it.each(refused)('$name is refused by its guardrail', async (example) => {
    const { errors } = await run(example);
    expect(errors?.map((error) => [error.extensions?.code, error.extensions?.guardrail])).toEqual([['GUARDRAIL_REFUSED', example.guardrail]]);
  });

  it.each(withheld)('$name as $who withholds exactly what the README says', async ({ name, principal, paths }) => {
    const example = all.find((candidate) => candidate.name === name)!;
    const { status, errors } = await run({ ...example, principal });
    expect(status).toBe(200);
    expect(errors!.map((error) => [error.path!.join('.'), error.extensions!.code])).toEqual(paths.map((path) => [path, 'FORBIDDEN']));
  });

  it('states what it withholds for at least two principals', () => {
    expect(withheld.length).toBeGreaterThanOrEqual(2);
  });

  it('lists the tools it says each agent is shown', async () => {
    const toolsOf = async (principal: Principal) => {
      const client = await mcpClientAs(stack.gateway.url, principal);
      clients.push(client);
      return (await client.listTools()).tools.map((tool) => tool.name).sort();
    };
    const catalog = ['ActionStatus', 'CheckStock', 'ProductDetails', 'SearchProducts', 'ShippingOptions'];
    expect(await toolsOf(answered.find((example) => example.name === 'place-order')!.principal)).toEqual(
      [...catalog, 'CustomerOverview', 'IssueGoodwillCredit', 'PlaceOrder'].sort(),
    );
    expect(await toolsOf({ kind: 'agent', id: 'browse-bot', scopes: [] })).toEqual(catalog);
  });
});

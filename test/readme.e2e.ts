import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, LOCAL_POSTGRES_URL } from '../lib/postgres/scratch-database.js';
import type { Principal } from '../policies/principal.js';
import { graphql } from './support/graphql.js';
import { startProductStack, type ProductStack } from './support/product-stack.js';
import type { Stack } from './support/stack.js';
import { authAs } from './support/tokens.js';

/**
 * The README's tour must stay true: every block marked `<!-- example: NAME, as: WHO -->` runs, in
 * order, against the whole product (orchestration and audit log included) as that principal and
 * answers data from every subgraph it asks, no errors; every `<!-- refused: NAME, as: WHO, guardrail: G -->`
 * block is refused by that guardrail.
 */
const EXAMPLE = /<!-- example: ([\w-]+), as: ([^>]+?) -->\s*```graphql\n([\s\S]*?)```/g;

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

/** `<!-- refused: NAME, as: WHO, guardrail: G -->` and its block: an action that guardrail refuses. */
const REFUSED = /<!-- refused: ([\w-]+), as: (.+?), guardrail: ([\w-]+) -->\s*```graphql\n([\s\S]*?)```/g;

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(EXAMPLE)].map(([, name, who, query]) => ({ name: name!, principal: principalOf(who!), query: query! }));
const withheld = [...readme.matchAll(WITHHELD)].map(([, name, who, paths]) => ({
  name: name!,
  who: who!,
  principal: principalOf(who!),
  paths: paths!.split(' '),
}));

const refused = [...readme.matchAll(REFUSED)].map(([, name, who, guardrail, query]) => ({ name: name!, principal: principalOf(who!), guardrail: guardrail!, query: query! }));

describe('the README tour', () => {
  let product: ProductStack;
  let stack: Stack;
  beforeAll(async () => {
    product = await startProductStack(await createScratchDatabase(LOCAL_POSTGRES_URL, 'readme'));
    ({ stack } = product);
  });
  afterAll(() => product?.close());

  it('has its examples', () => {
    expect(examples.map((example) => example.name)).toEqual([
      'product-listing',
      'customer-360',
      'cart-with-stock',
      'add-to-cart',
      'place-order-dry-run',
      'place-order',
      'goodwill-credit',
      'approve-credit',
      'audit-trail',
    ]);
    expect(refused.map((example) => example.name)).toEqual(['place-too-many']);
  });

  it.each(examples)('$name answers without errors', async ({ principal, query }) => {
    const { status, data, errors } = await graphql(stack.gateway.url, query, undefined, await authAs(principal));
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(JSON.stringify(data)).not.toContain('null');
  });

  it.each(refused)('$name is refused by its guardrail', async ({ principal, query, guardrail }) => {
    const { errors } = await graphql(stack.gateway.url, query, undefined, await authAs(principal));
    expect(errors?.map((error) => [error.extensions?.code, error.extensions?.guardrail])).toEqual([['GUARDRAIL_REFUSED', guardrail]]);
  });

  it.each(withheld)('$name as $who withholds exactly what the README says', async ({ name, principal, paths }) => {
    const { query } = examples.find((example) => example.name === name)!;
    const { status, errors } = await graphql(stack.gateway.url, query, undefined, await authAs(principal));
    expect(status).toBe(200);
    expect(errors!.map((error) => [error.path!.join('.'), error.extensions!.code])).toEqual(paths.map((path) => [path, 'FORBIDDEN']));
  });

  it('states what it withholds for at least two principals', () => {
    expect(withheld.length).toBeGreaterThanOrEqual(2);
  });
});

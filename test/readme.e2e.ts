import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../policies/principal.js';
import { graphql } from './support/graphql.js';
import { startStack, type Stack } from './support/stack.js';
import { authAs } from './support/tokens.js';

/**
 * The README's tour must stay true: every block marked `<!-- example: NAME, as: WHO -->` runs
 * against the whole product as that principal and answers data from every subgraph it asks, no errors.
 */
const EXAMPLE = /<!-- example: ([\w-]+), as: ([^>]+?) -->\s*```graphql\n([\s\S]*?)```/g;

function principalOf(who: string): Principal {
  const [kind, id, ...rest] = who.split(' ');
  if (kind === 'anonymous') return { kind: 'anonymous' };
  if (kind === 'customer') return { kind: 'customer', id: id! };
  if (kind === 'agent') {
    const [scopes, , onBehalfOf] = rest; // "scope,scope for C0001"
    return { kind: 'agent', id: id!, scopes: scopes!.split(','), onBehalfOf };
  }
  throw new Error(`README example names an unknown principal: ${who}`);
}

const examples = [...readFileSync(new URL('../README.md', import.meta.url), 'utf8').matchAll(EXAMPLE)].map(
  ([, name, who, query]) => ({ name: name!, principal: principalOf(who!), query: query! }),
);

describe('the README tour', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });

  it('has its four examples', () => {
    expect(examples.map((example) => example.name)).toEqual(['product-listing', 'customer-360', 'cart-with-stock', 'add-to-cart']);
  });

  it.each(examples)('$name answers without errors', async ({ principal, query }) => {
    const { status, data, errors } = await graphql(stack.gateway.url, query, undefined, await authAs(principal));
    expect(errors).toBeUndefined();
    expect(status).toBe(200);
    expect(JSON.stringify(data)).not.toContain('null');
  });
});

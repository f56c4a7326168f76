import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './support/graphql.js';
import { startStack, type Stack } from './support/stack.js';
import { authAs } from './support/tokens.js';

/** What a caller may send: limits per principal kind, and what production keeps to itself. */
describe('operation limits per principal kind', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  const deep = '{ products(first: 1) { nodes { variants { product { variants { product { variants { product { variants { product { variants { sku } } } } } } } } } } } }';
  const costly = `{ products(first: 1) { nodes { variants { product { variants { product { ${'...P '.repeat(100)} } } } } } } }
    fragment P on Product { id sku name brand description }`;
  const manyAliases = `{ ${Array.from({ length: 25 }, (_, i) => `a${i}: product(id: "P0001") { id }`).join(' ')} }`;

  it.each([
    ['depth', deep],
    ['aliases', manyAliases],
    ['cost', costly],
  ])('refuses an anonymous operation over the %s limit with QUERY_TOO_COMPLEX, before any vendor call', async (_limit, query) => {
    await stack.resetVendors();
    const { status, errors } = await graphql(stack.gateway.url, query);
    expect(status).toBe(400);
    expect(errors![0]!.extensions!.code).toBe('QUERY_TOO_COMPLEX');
    expect(errors![0]!.message).toContain('anonymous');
    expect((await stack.vendors.pim.admin.calls()).total).toBe(0);
  });

  it.each([
    ['depth', deep],
    ['aliases', manyAliases],
    ['cost', costly],
  ])('lets staff send the same operation (%s)', async (_limit, query) => {
    const { errors } = await graphql(stack.gateway.url, query, undefined, await authAs({ kind: 'staff', id: 's', roles: [] }));
    expect(errors).toBeUndefined();
  });

  it('refuses an operation over the token limit', async () => {
    const huge = `{ product(id: "P0001") { ${'...F '.repeat(800)} } } fragment F on Product { id }`;
    const { errors } = await graphql(stack.gateway.url, huge);
    expect(errors![0]!.extensions!.code).toBe('QUERY_TOO_COMPLEX');
    expect(errors![0]!.message).toContain('Token limit');
  });
});

describe('in production', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ environment: 'production' });
  });

  it('refuses introspection', async () => {
    const { errors } = await graphql(stack.gateway.url, '{ __schema { types { name } } }');
    expect(errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors![0]!.message).toContain('introspection');
  });

  it('suggests no field names in validation errors', async () => {
    const { errors } = await graphql(stack.gateway.url, '{ product(id: "P0001") { nam } }');
    expect(errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors![0]!.message).not.toContain('Did you mean');
  });
});

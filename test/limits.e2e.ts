import { beforeAll, describe, expect, it } from 'vitest';
import { VALIDATION_ERRORS_LIMIT } from '../gateway/limits/request-bounds.js';
import { OPERATION_LIMITS } from '../policies/limits.js';
import type { Principal } from '../policies/principal.js';
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

  const everyKind: Principal[] = [
    { kind: 'anonymous' },
    { kind: 'customer', id: 'C0001' },
    { kind: 'agent', id: 'bot', scopes: [] },
    { kind: 'staff', id: 's', roles: [] },
  ];
  const typenameAliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __typename`).join(' ')} }`;

  it.each(everyKind)('counts __typename aliases for $kind callers: one over the limit is refused, the limit is not', async (principal) => {
    const { aliases } = OPERATION_LIMITS[principal.kind];
    const headers = await authAs(principal);

    const over = await graphql(stack.gateway.url, typenameAliases(aliases + 1), undefined, headers);
    expect(over.status).toBe(400);
    expect(over.errors![0]!.extensions!.code).toBe('QUERY_TOO_COMPLEX');
    expect(over.errors![0]!.message).toContain('Aliases limit');

    const at = await graphql(stack.gateway.url, typenameAliases(aliases), undefined, headers);
    expect(at.errors).toBeUndefined();
  });

  it.each(everyKind)('keeps the error answer to 500 repeated directives small for $kind callers', async (principal) => {
    const query = `{ products(first: 1) { nodes { id ${'@include(if: true) '.repeat(500)} } } }`;
    const response = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authAs(principal)) },
      body: JSON.stringify({ query }),
    });
    const body = await response.text();
    expect(response.status).toBe(400);
    expect(body.length).toBeLessThan(4_096);
    expect((JSON.parse(body) as { errors: unknown[] }).errors.length).toBeLessThanOrEqual(VALIDATION_ERRORS_LIMIT + 1);
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

import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { bindOperations } from '../gateway/operations/bind-operations.js';
import { loadOperations, normalizedHash } from '../gateway/operations/registry.js';

/** The registry's rules: one named, described query or mutation per file; shared fragments carried along. */
const FRAGMENTS = `
# Shared.
fragment Price on Product { price { amount } }
fragment Named on Product { id name ...Price }
`;

function operationsDirectory(files: Record<string, string>, fragments = FRAGMENTS): string {
  const directory = mkdtempSync(join(tmpdir(), 'operations-'));
  mkdirSync(join(directory, 'agent'));
  writeFileSync(join(directory, 'fragments.graphql'), fragments);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(directory, 'agent', name), text);
  return directory;
}

const PRODUCT = `# One product, by id,
# with its price.
query Product($id: ID!) { product(id: $id) { ...Named } }
`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('loadOperations', () => {
  it('registers a described, named operation with the fragments it spreads, operation first, by name and by hash', () => {
    const registry = loadOperations(operationsDirectory({ 'product.graphql': PRODUCT, 'notes.txt': 'not an operation' }));
    const product = registry.byName.get('Product')!;
    expect(registry.operations).toHaveLength(1);
    expect(product).toMatchObject({ name: 'Product', type: 'query', description: 'One product, by id, with its price.' });
    expect(product.body.indexOf('query Product')).toBe(0);
    expect(product.body.indexOf('fragment Named')).toBeLessThan(product.body.indexOf('fragment Price'));
    expect(product.hash).toBe(sha256(product.body));
    expect(registry.byHash.get(product.hash)).toBe(product);
  });

  it.each([
    ['two operations in one file', `# Two.\nquery A { a } query B { b }`, 'must hold exactly one operation'],
    ['a fragment beside the operation', `# One.\nquery A { a { ...F } } fragment F on A { b }`, 'must hold exactly one operation'],
    ['an operation without a name', `# Nameless.\n{ product(id: "P1") { id } }`, 'needs a name'],
    ['an operation without a description', `query Product { product(id: "P1") { id } }`, 'describe the operation in # lines'],
    ['a fragment that fragments.graphql does not define', `# Unknown.\nquery P { product(id: "P1") { ...Missing } }`, 'spreads ...Missing'],
    ['a subscription', `# Live.\nsubscription Ticks { ticks }`, 'subscriptions cannot be registered'],
  ])('refuses %s, naming the file', (_case, text, message) => {
    expect(() => loadOperations(operationsDirectory({ 'broken.graphql': text }))).toThrow(new RegExp(`broken\\.graphql: .*${message.replace(/\./g, '\\.')}`));
  });

  it('refuses two files that register the same name', () => {
    expect(() => loadOperations(operationsDirectory({ 'a.graphql': PRODUCT, 'b.graphql': PRODUCT }))).toThrow('operation Product is registered twice');
  });
});

describe('normalizedHash', () => {
  const product = loadOperations(operationsDirectory({ 'product.graphql': PRODUCT })).byName.get('Product')!;

  it('gives any layout of a registered document its registered hash: fragments first, one line, comments', () => {
    const layout = `fragment Price on Product { price { amount } }
      # mine
      fragment Named on Product { id, name, ...Price }
      query Product($id: ID!) { product(id: $id) { ...Named } }`;
    expect(normalizedHash(layout)).toBe(product.hash);
  });

  it('gives another document another hash, and none to one that does not parse or has too many tokens', () => {
    expect(normalizedHash(product.body.replace('name', 'name brand'))).not.toBe(product.hash);
    expect(normalizedHash('{ product(id: "P1" { id }')).toBeNull();
    expect(normalizedHash('{ a b c }', 4)).toBeNull();
    expect(normalizedHash('{ a b c }', 5)).not.toBeNull();
  });
});

describe('bindOperations', () => {
  const registry = loadOperations(
    operationsDirectory({
      'product.graphql': PRODUCT,
      'stock.graphql': `# Stock of one sku.\nquery Stock($sku: String!) { stock(sku: $sku) }`,
    }),
  );

  it('keeps every operation the schema validates', () => {
    const schema = buildSchema(`type Query { product(id: ID!): Product stock(sku: String!): Int }
      type Product { id: ID! name: String price: Price } type Price { amount: Float }`);
    const bound = bindOperations(registry, schema);
    expect(bound.problems).toEqual([]);
    expect(bound.registry.operations.map((operation) => operation.name)).toEqual(['Product', 'Stock']);
  });

  it('leaves out an operation the schema cannot run, naming it and the errors', () => {
    const schema = buildSchema('type Query { product(id: ID!): Product } type Product { id: ID! name: String price: Price } type Price { amount: Float }');
    const bound = bindOperations(registry, schema);
    expect(bound.registry.operations.map((operation) => operation.name)).toEqual(['Product']);
    expect(bound.registry.byName.has('Stock')).toBe(false);
    expect(bound.problems.map(({ operation, errors }) => [operation.name, errors])).toEqual([['Stock', ['Cannot query field "stock" on type "Query".']]]);
  });
});

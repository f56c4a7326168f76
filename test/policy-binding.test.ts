import { buildSchema } from 'graphql';
import { allow, deny } from 'graphql-shield';
import { describe, expect, it } from 'vitest';
import { assertPolicyBinds, policyMismatches } from '../gateway/policy/binding.js';
import { ConfigError } from '../lib/config.js';

/** A policy binds to the supergraph it was written for, never to one whose type names merely look alike. */
describe('binding a policy to a supergraph', () => {
  const policy = { fallbackRule: deny, rules: { Query: { product: allow }, Product: { id: allow, price: allow } } };

  it('binds where every type and field it names is there', () => {
    const ours = buildSchema('type Query { product: Product } type Product { id: ID! price: Int name: String }');
    expect(policyMismatches(ours, policy)).toEqual([]);
    expect(() => assertPolicyBinds(ours, policy)).not.toThrow();
  });

  it('does not bind to a foreign supergraph that shares a type name, and names what is missing', () => {
    const foreign = buildSchema('type Query { products: [Product] } type Product { id: ID! sku: String }');
    expect(policyMismatches(foreign, policy)).toEqual([
      'rules name Query.product, which the supergraph does not have',
      'rules name Product.price, which the supergraph does not have',
    ]);
  });

  it('refuses with a message that names the mismatch and the switch', () => {
    const foreign = buildSchema('type Query { user: User } type User { id: ID! }');
    expect(() => assertPolicyBinds(foreign, policy)).toThrow(ConfigError);
    expect(() => assertPolicyBinds(foreign, policy)).toThrow(/type Product, which the supergraph does not have[\s\S]*--policy off/);
  });
});

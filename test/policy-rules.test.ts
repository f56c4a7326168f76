import { buildSchema } from 'graphql';
import { allow, and, deny, not, or } from 'graphql-shield';
import { describe, expect, it } from 'vitest';
import { indexRules } from '../gateway/policy/rule-index.js';
import { dataRule, describeRule, requestRule, traitsOf } from '../policies/access/rule-kinds.js';
import { holds } from '../policies/access/rules.js';

/** How the gateway reads a rule: where it is decided, what it needs, what it is called. */
describe('rule kinds', () => {
  const isStaff = requestRule('isStaff', (principal) => principal.kind === 'staff');
  const ownsIt = dataRule<{ ownerId?: string }>('ownsIt', ['ownerId'], (principal, parent) =>
    principal.kind === 'customer' && principal.id === parent.ownerId,
  );

  it('decides rules of the principal before planning, and rules on data on the result', () => {
    expect(traitsOf(isStaff)).toEqual({ beforePlanning: true, needs: [] });
    expect(traitsOf(ownsIt)).toEqual({ beforePlanning: false, needs: ['ownerId'] });
    expect(traitsOf(allow).beforePlanning).toBe(true);
    expect(traitsOf(deny).beforePlanning).toBe(true);
  });

  it('combines the traits of logic rules', () => {
    expect(traitsOf(and(isStaff, not(holds('pii:read'))))).toEqual({ beforePlanning: true, needs: [] });
    expect(traitsOf(or(isStaff, ownsIt))).toEqual({ beforePlanning: false, needs: ['ownerId'] });
  });

  it('names rules readably', () => {
    expect(describeRule(or(isStaff, and(ownsIt, not(holds('pii:read')))))).toBe('or(isStaff, and(ownsIt, not(holds(pii:read))))');
    expect(describeRule(allow)).toBe('allow');
    expect(describeRule(deny)).toBe('deny');
  });

  it('returns the same rule for the same name (shield refuses two of one name)', () => {
    expect(holds('pii:read')).toBe(holds('pii:read'));
  });
});

describe('indexing a policy over a schema', () => {
  const schema = buildSchema('type Query { item: Item other: String } type Item { id: ID! secret: String } type Extra { x: Int }');
  const policy = { fallbackRule: deny, rules: { Query: { item: allow }, Item: { '*': allow, secret: deny } } };

  it('gives every field of every object type its rule and where it came from', () => {
    const index = indexRules(schema, policy);
    expect(index.get('Query.item')).toMatchObject({ name: 'allow', origin: 'field', open: true });
    expect(index.get('Query.other')).toMatchObject({ name: 'deny', origin: 'fallback', open: false });
    expect(index.get('Item.id')).toMatchObject({ name: 'allow', origin: 'type' });
    expect(index.get('Item.secret')).toMatchObject({ name: 'deny', origin: 'field' });
    expect(index.get('Extra.x')).toMatchObject({ origin: 'fallback' });
  });
});

import { isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { AccessPolicy } from '../../policies/access/policy.js';
import { describeRule, traitsOf, type ShieldRule } from '../../policies/access/rule-kinds.js';

/** The rule that governs one field, and how the gateway must apply it. */
export interface FieldRule {
  rule: ShieldRule;
  name: string;
  /** Where the rule comes from: the field's own entry, its type's `'*'`, or the policy's fallback. */
  origin: 'field' | 'type' | 'fallback';
  /** Shield's `allow`: nothing to check, nothing to record. */
  open: boolean;
  beforePlanning: boolean;
  needs: string[];
}

/** `Type.field` → the rule that governs it, for every field of every object type of the schema. */
export type RuleIndex = Map<string, FieldRule>;

const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Indexes the policy over a schema, or returns `null` when the policy names none of the schema's
 * own types (a supergraph that is not ours): then the policy layer stays out of the way entirely.
 */
export function indexRules(schema: GraphQLSchema, policy: AccessPolicy): RuleIndex | null {
  if (!describes(policy, schema)) return null;

  const index: RuleIndex = new Map();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.keys(type.getFields())) {
      index.set(`${type.name}.${field}`, ruleFor(type, field, policy));
    }
  }
  return index;
}

/** Whether the policy is about this schema: it names one of the schema's own (non-root) types. */
export function describes(policy: AccessPolicy, schema: GraphQLSchema): boolean {
  return Object.keys(policy.rules).some((type) => !ROOT_TYPES.has(type) && schema.getType(type));
}

function ruleFor(type: GraphQLObjectType, field: string, policy: AccessPolicy): FieldRule {
  const typeRules = policy.rules[type.name] ?? {};
  const own = typeRules[field];
  const wildcard = typeRules['*'];
  const [rule, origin] = own
    ? ([own, 'field'] as const)
    : wildcard
      ? ([wildcard, 'type'] as const)
      : ([policy.fallbackRule, 'fallback'] as const);
  const name = describeRule(rule);
  return { rule, name, origin, open: name === 'allow', ...traitsOf(rule) };
}

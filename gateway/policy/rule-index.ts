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

/** Indexes the policy over a schema: every field gets its rule, the policy's fallback where none names it. */
export function indexRules(schema: GraphQLSchema, policy: AccessPolicy): RuleIndex {
  const index: RuleIndex = new Map();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.keys(type.getFields())) {
      index.set(`${type.name}.${field}`, ruleFor(type, field, policy));
    }
  }
  return index;
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

import { isNonNullType, type GraphQLSchema } from 'graphql';
import type { AccessPolicy } from '../../policies/access/policy.js';
import { policyMismatches } from './binding.js';
import { indexRules, type FieldRule, type RuleIndex } from './rule-index.js';

export interface CoverageRow {
  coordinate: string;
  rule: string;
  origin: FieldRule['origin'];
  stage: 'planning' | 'result';
}

export interface Coverage {
  rows: CoverageRow[];
  /** Each one fails `npm run policy:check`. */
  problems: string[];
}

/**
 * Which rule governs each field, and what is wrong: a field left to the fallback, a field of a
 * sensitive type left open by a type-wide `allow` (a new field there would be public unseen),
 * a guarded root field that is non-null, a rule naming a type or field the schema does not have.
 */
export function checkCoverage(schema: GraphQLSchema, policy: AccessPolicy, sensitiveTypes: string[]): Coverage {
  const index = indexRules(schema, policy);

  const rows = [...index].map(([coordinate, rule]) => ({
    coordinate,
    rule: rule.name,
    origin: rule.origin,
    stage: rule.beforePlanning ? ('planning' as const) : ('result' as const),
  }));
  const sensitive = new Set(sensitiveTypes);
  const problems = [...index].flatMap(([coordinate, { origin, open }]) => {
    if (origin === 'fallback') return [`${coordinate} has no rule (it falls to the fallback)`];
    if (origin === 'type' && open && sensitive.has(coordinate.split('.')[0]!)) {
      return [`${coordinate} is on a sensitive type, opened by its type's '*': give it a rule of its own`];
    }
    return [];
  });
  return { rows, problems: [...problems, ...nonNullGuardedRoots(schema, index), ...policyMismatches(schema, policy)] };
}

/** A denied non-null root field would null the whole answer, not just itself. */
function nonNullGuardedRoots(schema: GraphQLSchema, index: RuleIndex): string[] {
  const query = schema.getQueryType();
  if (!query) return [];
  return Object.values(query.getFields())
    .filter((field) => isNonNullType(field.type) && !index.get(`${query.name}.${field.name}`)?.open)
    .map((field) => `${query.name}.${field.name} is guarded but non-null: a denial would null the whole answer`);
}

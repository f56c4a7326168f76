import { isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import type { AccessPolicy } from '../../policies/access/policy.js';
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
  if (!index) return { rows: [], problems: ['the policy names no type of this supergraph'] };

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
  return { rows, problems: [...problems, ...nonNullGuardedRoots(schema, index), ...staleRules(schema, policy)] };
}

/** A denied non-null root field would null the whole answer, not just itself. */
function nonNullGuardedRoots(schema: GraphQLSchema, index: RuleIndex): string[] {
  const query = schema.getQueryType();
  if (!query) return [];
  return Object.values(query.getFields())
    .filter((field) => isNonNullType(field.type) && !index.get(`${query.name}.${field.name}`)?.open)
    .map((field) => `${query.name}.${field.name} is guarded but non-null: a denial would null the whole answer`);
}

function staleRules(schema: GraphQLSchema, policy: AccessPolicy): string[] {
  return Object.entries(policy.rules).flatMap(([typeName, fields]) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) return [`rules name type ${typeName}, which the supergraph does not have`];
    return Object.keys(fields)
      .filter((field) => field !== '*' && !(field in type.getFields()))
      .map((field) => `rules name ${typeName}.${field}, which the supergraph does not have`);
  });
}

import {
  GraphQLError,
  getArgumentValues,
  isObjectType,
  type DocumentNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { ShieldOptions, ShieldRule } from '../../policies/access/rule-kinds.js';
import { describePrincipal } from '../../policies/principal.js';
import { collectFields, type CollectedFields, type FieldOccurrence } from './collect-fields.js';
import type { PolicyRequestContext } from './policy-context.js';
import type { RuleIndex } from './rule-index.js';
import { forbidden } from './forbidden.js';
import { rewriteDocument, type DocumentEdits } from './rewrite-document.js';

export interface AccessPlan {
  /** Set when a root mutation field is denied: nothing runs, no subgraph is called. */
  rejection?: GraphQLError[];
  /** What to plan and fetch. */
  document: DocumentNode;
  /** Whether the fetched data must pass through the shielded schema (denials to report, or rules on data). */
  resultPass: boolean;
  /** Every field selected is open to every principal. */
  public: boolean;
}

export interface PlanAccessInput {
  schema: GraphQLSchema;
  index: RuleIndex;
  document: DocumentNode;
  /** Apollo Server's hash of the document's source. */
  queryHash: string;
  variables: Record<string, unknown>;
  context: PolicyRequestContext;
  shieldOptions: ShieldOptions;
  caches: PlanCaches;
}

/**
 * Work that depends on the document alone (its fields) or on the document and the verdicts (its
 * rewrite) is done once: Apollo Server hands the same parsed document for the same query.
 */
export interface PlanCaches {
  fields: WeakMap<DocumentNode, CollectedFields>;
  rewrites: Map<string, DocumentNode>;
}

const MAX_REWRITES = 1_000;

export function createPlanCaches(): PlanCaches {
  return { fields: new WeakMap(), rewrites: new Map() };
}

type Verdict = 'allow' | 'deny' | 'later';

/**
 * Policy ①: decides every rule that needs only the principal and the arguments, before the query
 * plan exists. Denied fields are pruned (so never fetched); denied root mutation fields reject the
 * whole operation.
 */
export async function planAccess(input: PlanAccessInput): Promise<AccessPlan> {
  const { schema, index, document, caches } = input;
  let collected = caches.fields.get(document);
  if (!collected) caches.fields.set(document, (collected = collectFields(schema, document, index)));
  const { occurrences } = collected;
  const verdicts = await Promise.all(occurrences.map((occurrence) => decide(occurrence, input)));

  const rejected = occurrences.filter((o, i) => o.atMutationRoot && verdicts[i] === 'deny');
  if (rejected.length > 0) {
    return { rejection: rejected.map((o) => forbidden(o.rules[0]![0], o.rules[0]![1].name, o.path)), document, resultPass: false, public: false };
  }

  const resultPass = verdicts.some((verdict) => verdict !== 'allow');
  const rewriteKey = `${input.queryHash}:${verdicts.map((verdict) => verdict[0]).join('')}`;
  let rewritten = caches.rewrites.get(rewriteKey);
  if (!rewritten) {
    rewritten = rewriteDocument(document, editsFor(schema, collected, verdicts, resultPass));
    if (caches.rewrites.size >= MAX_REWRITES) caches.rewrites.delete(caches.rewrites.keys().next().value!);
    caches.rewrites.set(rewriteKey, rewritten);
  }
  return { document: rewritten, resultPass, public: occurrences.every(({ rules }) => rules.every(([, rule]) => rule.open)) };
}

/** Denied fields out; what the result pass will read in: the fields rules need, `__typename` on abstract types. */
function editsFor(
  schema: GraphQLSchema,
  { occurrences, abstractSelectionSets }: CollectedFields,
  verdicts: Verdict[],
  resultPass: boolean,
): DocumentEdits {
  const edits: DocumentEdits = { prune: new Set(), add: new Map() };
  occurrences.forEach((occurrence, i) => {
    if (verdicts[i] === 'deny') edits.prune.add(occurrence.node);
    if (verdicts[i] === 'allow') return;
    const needs = occurrence.rules.flatMap(([coordinate, rule]) => rule.needs.filter((need) => hasField(schema, coordinate, need)));
    if (needs.length > 0) addFields(edits, occurrence.selectionSet, needs);
  });
  if (resultPass) for (const selectionSet of abstractSelectionSets) addFields(edits, selectionSet, ['__typename']);
  return edits;
}

/** `deny` only when every possible parent type denies before planning; `later` when data must decide. */
async function decide(occurrence: FieldOccurrence, input: PlanAccessInput): Promise<Verdict> {
  const { rules, node, definition, path } = occurrence;
  if (rules.every(([, rule]) => rule.open)) return 'allow';
  if (!rules.every(([, rule]) => rule.beforePlanning)) return 'later';
  const args = getArgumentValues(definition, node, input.variables);
  const outcomes = await Promise.all(
    rules.map(async ([coordinate, rule]) => {
      if (rule.open) return true;
      const allow = await evaluate(rule.rule, args, input);
      input.context.policyDecisions.push({
        rule: rule.name,
        coordinate,
        path,
        principal: describePrincipal(input.context.principal),
        allow,
        stage: 'planning',
      });
      return allow;
    }),
  );
  if (outcomes.every(Boolean)) return 'allow';
  return outcomes.some(Boolean) ? 'later' : 'deny';
}

async function evaluate(rule: ShieldRule, args: Record<string, unknown>, input: PlanAccessInput) {
  try {
    const info = {} as GraphQLResolveInfo; // rules decided before planning read neither parent nor info
    return (await rule.resolve({}, args, input.context, info, input.shieldOptions)) === true;
  } catch {
    return false;
  }
}

/** A rule may need a field its type lacks (a schema drifted from the policy): then it reads nothing and denies. */
function hasField(schema: GraphQLSchema, coordinate: string, field: string): boolean {
  const type = schema.getType(coordinate.split('.')[0]!);
  return isObjectType(type) && field in type.getFields();
}

function addFields(edits: DocumentEdits, selectionSet: SelectionSetNode, names: string[]) {
  const fields = edits.add.get(selectionSet) ?? new Set<string>();
  names.forEach((name) => fields.add(name));
  edits.add.set(selectionSet, fields);
}

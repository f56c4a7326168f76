import {
  GraphQLError,
  buildSchema,
  execute,
  isAbstractType,
  printSchema,
  responsePathAsArray,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { addResolversToSchema } from '@graphql-tools/schema';
import { applyMiddleware, type IMiddlewareTypeMap } from 'graphql-middleware';
import { rule, shield } from 'graphql-shield';
import { ErrorCode } from '../../lib/errors.js';
import type { ShieldOptions, ShieldRule } from '../../policies/access/rule-kinds.js';
import { describePrincipal } from '../../policies/principal.js';
import type { PolicyRequestContext } from './policy-context.js';
import type { FieldRule, RuleIndex } from './rule-index.js';

export interface ResultPassInput {
  document: DocumentNode;
  operationName?: string | null;
  variables: Record<string, unknown>;
  data: Record<string, unknown>;
  context: PolicyRequestContext;
}

export type ResultPass = (input: ResultPassInput) => Promise<{ data: Record<string, unknown>; errors: GraphQLError[] }>;

/**
 * Policy ②: the fetched data, passed once more through a copy of the API schema on which every
 * field reads its value by response key and shield guards every field. Rules that need the
 * parent's data decide here; fields denied before planning get their FORBIDDEN errors at their
 * exact paths. Only policy errors are kept from this pass: the fetch already reported the rest.
 */
export function createResultPass(apiSchema: GraphQLSchema, index: RuleIndex, options: ShieldOptions): ResultPass {
  const schema = readByResponseKey(apiSchema);
  const middleware = shield(ruleTree(index, options), options).generate(schema) as IMiddlewareTypeMap;
  const shielded = applyMiddleware(schema, onlyGuarded(middleware, index));
  return async ({ document, operationName, variables, data, context }) => {
    const result = await execute({
      schema: shielded,
      document,
      rootValue: data,
      contextValue: context,
      variableValues: variables,
      operationName,
    });
    const policyErrors = (result.errors ?? []).filter((error) => error.extensions.code === ErrorCode.FORBIDDEN);
    return { data: (result.data ?? {}) as Record<string, unknown>, errors: policyErrors };
  };
}

const byResponseKey: GraphQLFieldResolver<Record<string, unknown> | null, unknown> = (source, _args, _context, info) =>
  source?.[info.path.key as string];

const byTypename = (value: { __typename?: string }) => value.__typename;

/**
 * A copy of the schema (its SDL rebuilt, so no resolver of the gateway's comes along) whose every field
 * reads its value by response key, and whose interfaces and unions go by `__typename`. Resolvers must be
 * in place before shield wraps them: the middleware wraps what it finds.
 */
function readByResponseKey(apiSchema: GraphQLSchema): GraphQLSchema {
  const schema = buildSchema(printSchema(apiSchema));
  const abstractTypes = Object.values(schema.getTypeMap()).filter((type) => isAbstractType(type) && !type.name.startsWith('__'));
  const resolvers = Object.fromEntries(abstractTypes.map((type) => [type.name, { __resolveType: byTypename }]));
  return addResolversToSchema({ schema, resolvers, defaultFieldResolver: byResponseKey });
}

function ruleTree(index: RuleIndex, options: ShieldOptions): Record<string, Record<string, ShieldRule>> {
  const tree: Record<string, Record<string, ShieldRule>> = {};
  for (const [coordinate, fieldRule] of index) {
    const [type, field] = coordinate.split('.') as [string, string];
    tree[type] ??= {};
    tree[type][field] = fieldRule.beforePlanning ? fieldRule.rule : recorded(coordinate, fieldRule, options);
  }
  return tree;
}

/**
 * Shield wraps every field, `allow` ones too; wrapped, each becomes a promise. Open fields keep
 * their plain synchronous resolver: the pass then costs in proportion to the guarded fields only.
 */
function onlyGuarded(middleware: IMiddlewareTypeMap, index: RuleIndex): IMiddlewareTypeMap {
  const guarded: IMiddlewareTypeMap = {};
  for (const [type, fields] of Object.entries(middleware)) {
    for (const [field, fieldMiddleware] of Object.entries(fields as Record<string, unknown>)) {
      if (index.get(`${type}.${field}`)?.open !== false) continue;
      guarded[type] ??= {};
      (guarded[type] as Record<string, unknown>)[field] = fieldMiddleware;
    }
  }
  return guarded;
}

/** Rules on data are decided here, so they are recorded here, at their exact paths. */
function recorded(coordinate: string, fieldRule: FieldRule, options: ShieldOptions): ShieldRule {
  return rule(`recorded ${coordinate}`, { cache: 'no_cache' })(async (parent, args, context: PolicyRequestContext, info) => {
    const verdict = await fieldRule.rule.resolve(parent, args, context, info, options);
    context.policyDecisions.push({
      rule: fieldRule.name,
      coordinate,
      path: responsePathAsArray(info.path),
      principal: describePrincipal(context.principal),
      allow: verdict === true,
      stage: 'result',
    });
    return verdict;
  });
}

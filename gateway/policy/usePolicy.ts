import { createHash } from 'node:crypto';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { getOperationAST, getVariableValues, print, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { AccessPolicy } from '../../policies/access/policy.js';
import { assertPolicyBinds } from './binding.js';
import { createPlanCaches, planAccess } from './plan-access.js';
import type { PolicyRequestContext } from './policy-context.js';
import { createResultPass } from './result-pass.js';
import { indexRules } from './rule-index.js';
import { shieldOptionsFor } from './shield-options.js';

export interface PolicyOptions {
  policy: AccessPolicy;
}

/**
 * Enforces `policies/` at the gateway. `@apollo/gateway` executes query plans, not field resolvers,
 * so shield cannot simply wrap the schema: this wraps the gateway's executor instead.
 * Before planning, rules of the principal prune the document (denied root mutations reject it);
 * after fetching, rules on data run over the result. It binds only to a supergraph whose types and
 * fields it names: on any other, loading fails and the gateway does not start.
 */
export function usePolicy(gateway: GatewayInterface, { policy }: PolicyOptions): GatewayInterface {
  const enforcements = new WeakMap<GraphQLSchema, Enforcement>();
  const enforcementFor = (schema: GraphQLSchema) => {
    let enforce = enforcements.get(schema);
    if (!enforce) enforcements.set(schema, (enforce = enforcement(schema, policy)));
    return enforce;
  };
  let loaded: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => void (loaded = apiSchema));

  return {
    async load(options) {
      const { executor } = await gateway.load(options);
      if (!executor) return { executor };
      // Built at start-up, so a policy that does not bind stops it and the first request does not pay.
      if (loaded) enforcementFor(loaded);
      return { executor: (requestContext) => enforcementFor(requestContext.schema)(executor, requestContext) };
    },
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
  };
}

type Enforcement = (execute: GatewayExecutor, requestContext: GatewayGraphQLRequestContext) => ReturnType<GatewayExecutor>;

function enforcement(schema: GraphQLSchema, policy: AccessPolicy): Enforcement {
  assertPolicyBinds(schema, policy);
  const index = indexRules(schema, policy);
  const shieldOptions = shieldOptionsFor(index);
  const resultPass = createResultPass(schema, index, shieldOptions);
  const caches = createPlanCaches();
  const hashes = new WeakMap<DocumentNode, string>();

  return async (execute, requestContext) => {
    const context = requestContext.context as PolicyRequestContext;
    const { document, operation, request, queryHash } = requestContext;
    const variables = coerceVariables(schema, requestContext);
    const plan = await planAccess({ schema, index, document, queryHash, variables, context, shieldOptions, caches });
    if (plan.rejection) return { data: null, errors: plan.rejection };
    context.publicOperation = plan.public;

    const result = await execute(plan.document === document ? requestContext : withDocument(requestContext, plan.document, hashes));
    if (!plan.resultPass || !result.data) return result;
    const operationName = operation.name?.value ?? request.operationName;
    const checked = await resultPass({ document, operationName, variables, data: result.data, context });
    const errors = [...(result.errors ?? []), ...checked.errors];
    return { ...result, data: checked.data, ...(errors.length > 0 ? { errors } : {}) };
  };
}

function coerceVariables(schema: GraphQLSchema, { operation, request }: GatewayGraphQLRequestContext): Record<string, unknown> {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
  return coerced.coerced ?? {};
}

/** The rewritten document gets its own hash: the gateway caches query plans by it. */
function withDocument(
  requestContext: GatewayGraphQLRequestContext,
  document: DocumentNode,
  hashes: WeakMap<DocumentNode, string>,
): GatewayGraphQLRequestContext {
  const operation = getOperationAST(document, requestContext.request.operationName)!;
  let queryHash = hashes.get(document);
  if (!queryHash) hashes.set(document, (queryHash = createHash('sha256').update(print(document)).digest('hex')));
  return { ...requestContext, document, operation, queryHash };
}

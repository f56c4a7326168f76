import type { GraphQLSchema } from 'graphql';
import type { AccessPolicy } from '../../policies/access/policy.js';
import type { Principal } from '../../policies/principal.js';
import { createPlanCaches, planAccess } from '../policy/plan-access.js';
import type { PolicyDecision, PolicyRequestContext } from '../policy/policy-context.js';
import { indexRules } from '../policy/rule-index.js';
import { shieldOptionsFor } from '../policy/shield-options.js';
import type { RegisteredOperation } from './registry.js';

/** Policy ①'s denials of an operation for a principal: empty when the principal may call it. */
export type DeniedFields = (p: Principal, operation: RegisteredOperation) => Promise<PolicyDecision[]>;

/**
 * Whether a principal may call a registered operation, decided as the gateway decides before planning,
 * with the arguments it would pass: every argument names the customer the principal is bound to (an agent
 * acting for one, or a customer themself), any customer otherwise. Rules on data cannot be decided without
 * the data: they never hide an operation, they withhold fields of its answer.
 */
export function createCallableCheck(schema: GraphQLSchema, policy: AccessPolicy): DeniedFields {
  const index = indexRules(schema, policy);
  const shieldOptions = shieldOptionsFor(index);
  const caches = createPlanCaches();
  return async (principal, operation) => {
    const context: PolicyRequestContext = { principal, _shield: { cache: {} }, policyDecisions: [] };
    const witness = boundCustomer(principal) ?? '';
    const variables = Object.fromEntries(operationVariables(operation).map((name) => [name, witness]));
    await planAccess({ schema, index, document: operation.document, queryHash: operation.hash, variables, context, shieldOptions, caches });
    return context.policyDecisions.filter((decision) => !decision.allow);
  };
}

function boundCustomer(principal: Principal): string | undefined {
  if (principal.kind === 'customer') return principal.id;
  return principal.kind === 'agent' ? principal.onBehalfOf : undefined;
}

function operationVariables({ document }: RegisteredOperation): string[] {
  return document.definitions.flatMap((definition) =>
    definition.kind === 'OperationDefinition' ? (definition.variableDefinitions ?? []).map((variable) => variable.variable.name.value) : [],
  );
}

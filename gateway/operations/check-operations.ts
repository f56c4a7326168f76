import type { GraphQLSchema } from 'graphql';
import { SCOPES } from '../../policies/access/scopes.js';
import type { AccessPolicy } from '../../policies/access/policy.js';
import type { AgentPrincipal } from '../../policies/principal.js';
import { bindOperations } from './bind-operations.js';
import { createCallableCheck } from './callable.js';
import type { OperationRegistry, RegisteredOperation } from './registry.js';

/** One registered operation and what keeps it from running as registered; none when it is fine. */
export interface OperationCheck {
  operation: RegisteredOperation;
  problems: string[];
}

/**
 * The most an agent can be granted: every scope, bound to no customer. A field policy ① denies even to
 * this agent is one no agent can ever be answered, so an operation selecting it is broken, not restricted.
 */
const AGENT_WITH_EVERY_SCOPE: AgentPrincipal = { kind: 'agent', id: 'operations-check', scopes: Object.values(SCOPES) };

/**
 * Checks every registered operation against a supergraph's API schema (it validates) and an access
 * policy (no field it selects is denied before planning to `AGENT_WITH_EVERY_SCOPE`).
 */
export async function checkOperations(registry: OperationRegistry, schema: GraphQLSchema, policy: AccessPolicy): Promise<OperationCheck[]> {
  const unbound = new Map(bindOperations(registry, schema).problems.map(({ operation, errors }) => [operation, errors]));
  const deniedFields = createCallableCheck(schema, policy);
  return Promise.all(
    registry.operations.map(async (operation) => {
      const invalid = unbound.get(operation);
      if (invalid) return { operation, problems: invalid };
      const denied = await deniedFields(AGENT_WITH_EVERY_SCOPE, operation);
      const problems = [...new Set(denied.map((decision) => `${decision.coordinate} is denied to an agent holding every scope (${decision.rule})`))];
      return { operation, problems };
    }),
  );
}

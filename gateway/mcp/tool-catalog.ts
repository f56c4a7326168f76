import type { GraphQLSchema } from 'graphql';
import type { AccessPolicy } from '../../policies/access/policy.js';
import type { Principal } from '../../policies/principal.js';
import type { AuditedFields } from '../audit/audited-fields.js';
import { bindOperations } from '../operations/bind-operations.js';
import { createCallableCheck, type DeniedFields } from '../operations/callable.js';
import type { OperationRegistry } from '../operations/registry.js';
import type { PolicyDecision } from '../policy/policy-context.js';
import { agentTools, type AgentTool } from './agent-tools.js';

export interface ToolCatalogOptions {
  registry: OperationRegistry;
  /** Called with the API schema whenever the gateway loads one: tools and the policy's view follow it. */
  onSchema: (listener: (schema: GraphQLSchema) => void) => void;
  policy: AccessPolicy | null;
  audited: AuditedFields;
}

export interface ToolCatalog {
  /** The tools the access policy lets this principal call. */
  visibleTo(principal: Principal): Promise<AgentTool[]>;
  /** A tool by name, with policy ①'s denials of it for this principal; undefined when no tool has that name. */
  lookup(principal: Principal, name: string): Promise<{ tool: AgentTool; denials: PolicyDecision[] } | undefined>;
}

/**
 * The registered operations as tools over the schema the gateway serves (those it cannot run left out:
 * their inputs name types it lacks), and who may call which. A
 * principal's list is worked out once: the gateway verifies a token once and hands the same principal
 * for it from then on.
 */
export function createToolCatalog({ registry, onSchema, policy, audited }: ToolCatalogOptions): ToolCatalog {
  let tools = new Map<string, AgentTool>();
  let deniedFields: DeniedFields = async () => [];
  let visible = new WeakMap<Principal, Promise<AgentTool[]>>();
  onSchema((schema) => {
    tools = agentTools(bindOperations(registry, schema).registry, schema, audited);
    if (policy) deniedFields = createCallableCheck(schema, policy);
    visible = new WeakMap();
  });
  const visibleTo = (principal: Principal) => {
    let list = visible.get(principal);
    if (!list) visible.set(principal, (list = callableTools([...tools.values()], principal, deniedFields)));
    return list;
  };
  return {
    visibleTo,
    async lookup(principal, name) {
      const tool = tools.get(name);
      if (!tool) return undefined;
      // The principal's list is known already, or will be asked for: only a refusal needs the denials spelled out.
      const callable = (await visibleTo(principal)).includes(tool);
      return { tool, denials: callable ? [] : await deniedFields(principal, tool.operation) };
    },
  };
}

async function callableTools(tools: AgentTool[], principal: Principal, deniedFields: DeniedFields): Promise<AgentTool[]> {
  const denials = await Promise.all(tools.map((tool) => deniedFields(principal, tool.operation)));
  return tools.filter((_tool, i) => denials[i]!.length === 0);
}

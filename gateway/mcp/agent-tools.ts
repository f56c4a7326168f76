import { Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { AuditedFields } from '../audit/audited-fields.js';
import type { OperationRegistry, RegisteredOperation } from '../operations/registry.js';
import { toolInputSchema } from './tool-input-schema.js';

/** A registered operation as an MCP tool, with the `@audit` action its root field names, if any. */
export interface AgentTool {
  operation: RegisteredOperation;
  tool: Tool;
  auditedAction: string | null;
}

/**
 * One tool per registered operation: its name and description, its input schema from its variables,
 * and hints from what it does. A query is read-only. A mutation is marked destructive (a client should
 * confirm every write it makes for a user), and idempotent when its root field takes an `idempotencyKey`
 * (an orchestrated action: the same key never acts twice).
 */
export function agentTools(registry: OperationRegistry, schema: GraphQLSchema, audited: AuditedFields): Map<string, AgentTool> {
  return new Map(registry.operations.map((operation) => [operation.name, agentTool(operation, schema, audited)]));
}

function agentTool(operation: RegisteredOperation, schema: GraphQLSchema, audited: AuditedFields): AgentTool {
  const definition = operation.document.definitions.find((node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION)!;
  const rootType = operation.type === 'query' ? 'Query' : 'Mutation';
  const rootFields = definition.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
  const auditedAction = rootFields.map((field) => audited.get(`${rootType}.${field}`)).find(Boolean) ?? null;
  const takesIdempotencyKey = rootFields.some((field) =>
    schema.getMutationType()?.getFields()[field]?.args.some((argument) => argument.name === 'idempotencyKey'),
  );
  return {
    operation,
    auditedAction,
    tool: {
      name: operation.name,
      title: titleOf(operation.name),
      description: operation.description,
      inputSchema: toolInputSchema(schema, definition) as Tool['inputSchema'],
      annotations:
        operation.type === 'query'
          ? { readOnlyHint: true, openWorldHint: false }
          : { readOnlyHint: false, destructiveHint: true, idempotentHint: takesIdempotencyKey, openWorldHint: false },
    },
  };
}

/** `PlaceOrder` → `Place order`. */
function titleOf(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

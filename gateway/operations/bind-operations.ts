import { validate, type GraphQLSchema } from 'graphql';
import { loadApiSchema } from '../api-schema.js';
import { loadOperations, registryOf, type OperationRegistry, type RegisteredOperation } from './registry.js';

/** A registered operation the schema cannot run, and why (graphql-js's validation errors). */
export interface UnboundOperation {
  operation: RegisteredOperation;
  errors: string[];
}

/**
 * The registry as one supergraph can serve it: every operation that validates against its API schema.
 * An operation that does not is left out and reported, never half-registered: it could not run anyway.
 */
export function bindOperations(registry: OperationRegistry, schema: GraphQLSchema): { registry: OperationRegistry; problems: UnboundOperation[] } {
  const problems: UnboundOperation[] = [];
  const bound = registry.operations.filter((operation) => {
    const errors = validate(schema, operation.document).map((error) => error.message);
    if (errors.length > 0) problems.push({ operation, errors });
    return errors.length === 0;
  });
  return { registry: registryOf(bound), problems };
}

/** One line per operation left out, naming it, its file and what the schema lacks. */
export function describeUnbound({ operation, errors }: UnboundOperation): string {
  return `${operation.name} (${operation.file}) does not validate against the supergraph: ${errors.join('; ')}`;
}

/**
 * The registered operations (`operations/`) bound to the supergraph the gateway serves, at start: each one
 * its API schema cannot run is left out with a warning naming it and why; the gateway still starts.
 */
export async function loadBoundOperations(supergraphSdl: string, directory?: string): Promise<OperationRegistry> {
  const { registry, problems } = bindOperations(loadOperations(directory), await loadApiSchema(supergraphSdl));
  for (const problem of problems) console.warn(`!!! operation left out of the registered operations: ${describeUnbound(problem)} !!!`);
  return registry;
}

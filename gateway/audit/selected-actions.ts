import {
  getArgumentValues,
  getNamedType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import type { AuditedFields } from './audited-fields.js';

/** One audited field an operation selects, the action it is audited as, and its arguments. */
export interface SelectedAction {
  coordinate: string;
  action: string;
  /** Its arguments, variables applied: where an action's `idempotencyKey` and `reason` are. */
  args: Record<string, unknown>;
}

/** Where an audited field stands in a document: found once per document, read with each request's variables. */
interface AuditedOccurrence {
  coordinate: string;
  action: string;
  definition: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/**
 * The audited fields an operation selects, each once, in document order; interfaces count by every
 * implementation. Apollo Server hands the same parsed document for the same query, so the walk over it
 * is done once per document and schema, not per request.
 */
export function selectedActions(audited: AuditedFields) {
  const walked = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, AuditedOccurrence[]>>();
  return (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): SelectedAction[] => {
    if (audited.size === 0) return [];
    let documents = walked.get(schema);
    if (!documents) walked.set(schema, (documents = new WeakMap()));
    let occurrences = documents.get(document);
    if (!occurrences) documents.set(document, (occurrences = auditedOccurrences(schema, document, audited)));
    return occurrences.map(({ coordinate, action, definition, node }) => ({ coordinate, action, args: argumentsOf(definition, node, variables) }));
  };
}

function auditedOccurrences(schema: GraphQLSchema, document: DocumentNode, audited: AuditedFields): AuditedOccurrence[] {
  const typeInfo = new TypeInfo(schema);
  const found = new Map<string, AuditedOccurrence>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const definition = typeInfo.getFieldDef();
        if (!parent || !definition) return;
        const types = isObjectType(parent) ? [parent] : schema.getPossibleTypes(getNamedType(parent) as never);
        for (const type of types) {
          const coordinate = `${type.name}.${node.name.value}`;
          const action = audited.get(coordinate);
          if (action && !found.has(coordinate)) found.set(coordinate, { coordinate, action, definition, node });
        }
      },
    }),
  );
  return [...found.values()];
}

/** A field's arguments as it runs them; an argument that cannot be read (the request fails anyway) is left out. */
function argumentsOf(...[definition, node, variables]: Parameters<typeof getArgumentValues>): Record<string, unknown> {
  try {
    return getArgumentValues(definition, node, variables);
  } catch {
    return {};
  }
}

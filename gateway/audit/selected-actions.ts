import { getArgumentValues, getNamedType, isObjectType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { AuditedFields } from './audited-fields.js';

/** One audited field an operation selects, the action it is audited as, and its arguments. */
export interface SelectedAction {
  coordinate: string;
  action: string;
  /** Its arguments, variables applied: where an action's `idempotencyKey` and `reason` are. */
  args: Record<string, unknown>;
}

/** The audited fields an operation selects, each once, in document order; interfaces count by every implementation. */
export function selectedActions(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, audited: AuditedFields): SelectedAction[] {
  if (audited.size === 0) return [];
  const typeInfo = new TypeInfo(schema);
  const found = new Map<string, SelectedAction>();
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
          if (action && !found.has(coordinate)) found.set(coordinate, { coordinate, action, args: argumentsOf(definition, node, variables) });
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

import {
  TypeInfo,
  isAbstractType,
  isObjectType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { FieldRule, RuleIndex } from './rule-index.js';

/** One field as the document selects it, with the rule of each object type it can be read on. */
export interface FieldOccurrence {
  node: FieldNode;
  definition: GraphQLField<unknown, unknown>;
  /** `Type.field` → rule, one per possible parent object type. */
  rules: [coordinate: string, rule: FieldRule][];
  /** Response keys from the operation root (or from `...Fragment`). */
  path: string[];
  selectionSet: SelectionSetNode;
  atMutationRoot: boolean;
}

export interface CollectedFields {
  occurrences: FieldOccurrence[];
  /** Selection sets over interfaces and unions: their objects need `__typename` for the result pass. */
  abstractSelectionSets: Set<SelectionSetNode>;
}

/** Walks every operation and fragment of the document once, with type information. */
export function collectFields(schema: GraphQLSchema, document: DocumentNode, index: RuleIndex): CollectedFields {
  const typeInfo = new TypeInfo(schema);
  const occurrences: FieldOccurrence[] = [];
  const abstractSelectionSets = new Set<SelectionSetNode>();
  const selectionSets: SelectionSetNode[] = [];
  const path: string[] = [];
  const mutationType = schema.getMutationType();

  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      FragmentDefinition: {
        enter: (node) => void path.push(`...${node.name.value}`),
        leave: () => void path.pop(),
      },
      SelectionSet: {
        enter(node) {
          selectionSets.push(node);
          if (isAbstractType(typeInfo.getParentType())) abstractSelectionSets.add(node);
        },
        leave: () => void selectionSets.pop(),
      },
      Field: {
        enter(node) {
          path.push(node.alias?.value ?? node.name.value);
          const parent = typeInfo.getParentType();
          const definition = typeInfo.getFieldDef();
          if (!parent || !definition || node.name.value.startsWith('__')) return;
          const objectTypes = isObjectType(parent) ? [parent] : schema.getPossibleTypes(parent as never);
          const rules = objectTypes.flatMap((type): [string, FieldRule][] => {
            const coordinate = `${type.name}.${node.name.value}`;
            const rule = index.get(coordinate);
            return rule ? [[coordinate, rule]] : [];
          });
          occurrences.push({
            node,
            definition,
            rules,
            path: [...path],
            selectionSet: selectionSets[selectionSets.length - 1]!,
            atMutationRoot: parent === mutationType,
          });
        },
        leave: () => void path.pop(),
      },
    }),
  );
  return { occurrences, abstractSelectionSets };
}

import { Kind, parse } from 'graphql';

/** `Type.field` → the action its `@audit(action:)` names. */
export type AuditedFields = ReadonlyMap<string, string>;

/**
 * The fields the subgraphs marked `@audit(action: …)`, read from the supergraph SDL: composed there by
 * `@composeDirective`, they are gone from the API schema the gateway executes against.
 */
export function auditedFieldsOf(supergraphSdl: string): AuditedFields {
  const fields = new Map<string, string>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      const audit = field.directives?.find((directive) => directive.name.value === 'audit');
      const action = audit?.arguments?.find((argument) => argument.name.value === 'action')?.value;
      if (action?.kind === Kind.STRING) fields.set(`${definition.name.value}.${field.name.value}`, action.value);
    }
  }
  return fields;
}

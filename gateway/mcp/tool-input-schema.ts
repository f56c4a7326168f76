import {
  Kind,
  TypeInfo,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/** The JSON Schema (2020-12) of one value, as MCP's `inputSchema` holds it. */
export type JsonSchema = { [keyword: string]: unknown };

const SCALARS: Record<string, JsonSchema> = {
  String: { type: 'string' },
  ID: { type: 'string' },
  Int: { type: 'integer' },
  Float: { type: 'number' },
  Boolean: { type: 'boolean' },
};

/**
 * A tool's input schema from its operation's variables: one property per variable, typed from the
 * schema (input objects and enums spelled out), described by the argument the variable is passed to,
 * required when it is non-null without a default.
 */
export function toolInputSchema(schema: GraphQLSchema, operation: OperationDefinitionNode): JsonSchema {
  const descriptions = argumentDescriptions(schema, operation);
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (!type) throw new Error(`$${name}: the schema has no type ${JSON.stringify(definition.type)}`);
    const defaultValue = definition.defaultValue && valueFromAST(definition.defaultValue, type);
    properties[name] = {
      ...valueSchema(type),
      ...(descriptions.has(name) ? { description: descriptions.get(name) } : {}),
      ...(defaultValue !== undefined ? { default: defaultValue } : {}),
    };
    if (isNonNullType(type) && defaultValue === undefined) required.push(name);
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

function valueSchema(type: GraphQLInputType): JsonSchema {
  if (isNonNullType(type)) return valueSchema(type.ofType);
  if (isListType(type)) return { type: 'array', items: valueSchema(type.ofType as GraphQLInputType) };
  if (isEnumType(type)) return { type: 'string', enum: type.getValues().map((value) => value.name), ...described(type.description) };
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return {
      type: 'object',
      ...described(type.description),
      properties: Object.fromEntries(fields.map((field) => [field.name, { ...valueSchema(field.type), ...described(field.description) }])),
      required: fields.filter((field) => isNonNullType(field.type) && field.defaultValue === undefined).map((field) => field.name),
      additionalProperties: false,
    };
  }
  // A custom scalar: whatever JSON value it accepts, as its description says.
  return SCALARS[type.name] ?? described(type.description);
}

/** Variable → the description of the first argument it is passed to. */
function argumentDescriptions(schema: GraphQLSchema, operation: OperationDefinitionNode): Map<string, string> {
  const found = new Map<string, string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    operation,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const description = typeInfo.getArgument()?.description;
        if (node.value.kind === Kind.VARIABLE && description && !found.has(node.value.name.value)) found.set(node.value.name.value, description);
      },
    }),
  );
  return found;
}

function described(description: string | null | undefined): JsonSchema {
  return description ? { description } : {};
}

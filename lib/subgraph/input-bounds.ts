import {
  defaultFieldResolver,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { badUserInput } from './bad-user-input.js';

/**
 * The longest `ID` accepted. Ours are short (`C0001`, `CART-C0001`), and 256 is as long as the
 * vendors' own keys get (commercetools keys, Salesforce external ids).
 */
export const MAX_ID_LENGTH = 256;

/**
 * The longest `String` accepted: room for any code, date, cursor, reference or short text, while one
 * value, even URL-encoded, fits in the request line a vendor's HTTP server takes (Node's takes 16 KB).
 */
export const MAX_STRING_LENGTH = 1_000;

const BOUNDS: Readonly<Record<string, number>> = { ID: MAX_ID_LENGTH, String: MAX_STRING_LENGTH };

/**
 * Bounds every `ID` and `String` a subgraph is given, wherever it stands: in an argument, an input
 * object, a list, or an entity representation the gateway sends to `_entities` (read as the entity
 * type it names). A longer value is BAD_USER_INPUT before the field's resolver runs, so it costs
 * no vendor call: a vendor would only refuse it, after a round trip.
 */
export function boundStringInputs(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        for (const arg of field.args) checkValue(schema, args[arg.name], arg.type, arg.name);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** Throws for the first string in `value` longer than its type allows; `path` names where it stands, e.g. `skus[3]`. */
function checkValue(schema: GraphQLSchema, value: unknown, type: GraphQLType, path: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(schema, value, type.ofType, path);
  if (isListType(type)) return (value as unknown[]).forEach((item, i) => checkValue(schema, item, type.ofType, `${path}[${i}]`));
  if (isInputObjectType(type) || isObjectType(type)) return checkFields(schema, value as Record<string, unknown>, type, path);
  if (!isScalarType(type)) return;
  if (type.name === '_Any') return checkRepresentation(schema, value as Record<string, unknown>, path);
  const bound = BOUNDS[type.name];
  if (bound !== undefined && typeof value === 'string' && value.length > bound) {
    throw badUserInput(`"${path}" must be at most ${bound} characters, got ${value.length}`);
  }
}

function checkFields(
  schema: GraphQLSchema,
  value: Record<string, unknown>,
  type: GraphQLInputObjectType | GraphQLObjectType,
  path: string,
): void {
  const fields = type.getFields();
  for (const [name, item] of Object.entries(value)) {
    const field = fields[name];
    if (field) checkValue(schema, item, field.type, `${path}.${name}`);
  }
}

/** An entity representation, e.g. `{ __typename: "Product", id: "P0001" }`: its keys are read as that type's fields. */
function checkRepresentation(schema: GraphQLSchema, representation: Record<string, unknown>, path: string): void {
  const entity = schema.getType(String(representation.__typename));
  if (isObjectType(entity)) checkFields(schema, representation, entity, path);
}

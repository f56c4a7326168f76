import {
  defaultFieldResolver,
  getNamedType,
  isObjectType,
  Kind,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { CacheTags } from './cache-tags.js';

/** What a schema built by `tagEntities` needs in each request's context. */
export interface TaggedContext {
  cacheTags: CacheTags;
}

/**
 * Names in each answer the entities it contains, for the `Cache-Tag` header, from the schema alone:
 * every object of a type with a `@key` is tagged `Type:<key>` by each key whose fields it carries
 * (`Product:P0042`, `Product:SKU-10001`); an object of another type with an `id: ID` field is tagged
 * `Type:<id>` (`Cart:CART-C0001`), as Apollo Client normalises objects. The key is read from the
 * resolved object, whichever of its fields the operation selects, also in `_entities`.
 * Keys are lists of fields (`@key(fields: "id")`, `@key(fields: "sku region")`); a nested key is not read.
 */
export function tagEntities(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    const keys = identityOf(type);
    if (keys.length === 0) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (object, args, context: TaggedContext, info) => {
        context.cacheTags.addEntity(type.name, keys, object);
        return resolve(object, args, context, info);
      };
    }
  }
  tagMissingLookups(schema);
  return schema;
}

/**
 * A root lookup by key that finds nothing (`cart(id: "CART-C0024")` before the cart exists) names
 * what it looked for, from its arguments: the cached `null` must be invalidated when that entity appears.
 */
function tagMissingLookups(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const type = getNamedType(field.type);
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    const keys = identityOf(type).filter((key) => key.every((name) => field.args.some((arg) => arg.name === name)));
    if (keys.length === 0) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (object, args, context: TaggedContext, info) => {
      const found: unknown = await resolve(object, args, context, info);
      if (found === null || found === undefined) context.cacheTags.addEntity(type.name, keys, args);
      return found;
    };
  }
}

/** The keys an object of `type` is known by: its `@key`s, else its `id`; none for a type that is neither. */
function identityOf(type: GraphQLObjectType): string[][] {
  const directives = [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []);
  const keys = directives.filter((directive) => directive.name.value === 'key').flatMap(flatKeyFields);
  if (keys.length > 0) return keys;
  return isIdField(type.getFields().id) ? [['id']] : [];
}

function flatKeyFields(directive: ConstDirectiveNode): string[][] {
  const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value;
  if (fields?.kind !== Kind.STRING || /[{}]/.test(fields.value)) return [];
  return [fields.value.trim().split(/\s+/)];
}

function isIdField(field: GraphQLField<unknown, unknown> | undefined): boolean {
  return field !== undefined && getNamedType(field.type).name === 'ID';
}

import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { parse, type GraphQLSchema } from 'graphql';
import { tagEntities, type TaggedContext } from './entity-tags.js';
import { boundStringInputs } from './input-bounds.js';

/** `@cacheControl` and its scope enum, and `@audit`, which every subgraph's SDL may use and must declare. */
const SHARED_SDL = ['./cache-control.graphql', './audit.graphql'].map((file) => readFileSync(new URL(file, import.meta.url), 'utf8')).join('\n');

/**
 * Reads a subgraph's SDL file with the `@cacheControl` and `@audit` declarations beside it, e.g.
 * `loadTypeDefs(new URL('./schema.graphql', import.meta.url))`. The file must import `@inaccessible`.
 */
export function loadTypeDefs(file: URL) {
  return parse(`${readFileSync(file, 'utf8')}\n${SHARED_SDL}`);
}

/**
 * A Federation 2 subgraph schema from its SDL file and resolvers: every `ID` and `String` it is given
 * bounded in length, every entity it answers with named in the request's `cacheTags`.
 */
export function buildSchemaFromFile<C extends TaggedContext>(file: URL, resolvers: GraphQLResolverMap<C>): GraphQLSchema {
  const schema = buildSubgraphSchema({ typeDefs: loadTypeDefs(file), resolvers: resolvers as GraphQLResolverMap<unknown> });
  return tagEntities(boundStringInputs(schema));
}

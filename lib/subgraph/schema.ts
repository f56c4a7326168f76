import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { parse, type GraphQLSchema } from 'graphql';
import { boundStringInputs } from './input-bounds.js';

/** Reads a subgraph's SDL file, e.g. `loadTypeDefs(new URL('./schema.graphql', import.meta.url))`. */
export function loadTypeDefs(file: URL) {
  return parse(readFileSync(file, 'utf8'));
}

/** A Federation 2 subgraph schema from its SDL file and resolvers, every `ID` and `String` it is given bounded in length. */
export function buildSchemaFromFile<C>(file: URL, resolvers: GraphQLResolverMap<C>): GraphQLSchema {
  return boundStringInputs(buildSubgraphSchema({ typeDefs: loadTypeDefs(file), resolvers: resolvers as GraphQLResolverMap<unknown> }));
}

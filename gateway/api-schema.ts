import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLSchema } from 'graphql';

/** The schema clients see (the supergraph less its join/link machinery), as `@apollo/gateway` builds it. */
export async function loadApiSchema(supergraphSdl: string): Promise<GraphQLSchema> {
  const gateway = new ApolloGateway({ supergraphSdl, logger: silent });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((loaded) => (apiSchema = loaded.apiSchema));
  await gateway.load();
  await gateway.stop();
  return apiSchema!;
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };

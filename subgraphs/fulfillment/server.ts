import type { GraphQLService } from '../../lib/service/graphql.js';
import { buildSchemaFromFile } from '../../lib/subgraph/schema.js';
import { createSubgraphServer } from '../../lib/subgraph/server.js';
import type { FulfillmentAdapter } from './adapter.js';
import { createFulfillmentLoaders, type FulfillmentLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';

export interface FulfillmentContext {
  adapter: FulfillmentAdapter;
  loaders: FulfillmentLoaders;
}

export function createFulfillmentSubgraph(adapter: FulfillmentAdapter): GraphQLService<FulfillmentContext> {
  const schema = buildSchemaFromFile(new URL('./schema.graphql', import.meta.url), resolvers);
  return {
    name: 'fulfillment subgraph',
    server: createSubgraphServer<FulfillmentContext>(schema),
    context: async () => ({ adapter, loaders: createFulfillmentLoaders(adapter) }),
  };
}

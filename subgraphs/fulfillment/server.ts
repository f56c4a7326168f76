import type { GraphQLService } from '../../lib/service/graphql.js';
import { buildSchemaFromFile } from '../../lib/subgraph/schema.js';
import { createSubgraphServer } from '../../lib/subgraph/server.js';
import type { FulfillmentAdapter } from './adapter.js';
import type { FulfillmentContext } from './context.js';
import { createFulfillmentLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';

export function createFulfillmentSubgraph(adapter: FulfillmentAdapter): GraphQLService<FulfillmentContext> {
  const schema = buildSchemaFromFile(new URL('./schema.graphql', import.meta.url), resolvers);
  return {
    name: 'fulfillment subgraph',
    server: createSubgraphServer<FulfillmentContext>(schema),
    context: async () => ({ adapter, loaders: createFulfillmentLoaders(adapter) }),
  };
}

import type { GraphQLService } from '../../lib/service/graphql.js';
import { createSubgraphService, type SubgraphOptions } from '../../lib/subgraph/subgraph-service.js';
import type { FulfillmentAdapter } from './adapter.js';
import type { FulfillmentContext } from './context.js';
import { createFulfillmentLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';

export function createFulfillmentSubgraph(adapter: FulfillmentAdapter, options: SubgraphOptions = {}): GraphQLService<FulfillmentContext> {
  return createSubgraphService<FulfillmentContext>(
    {
      name: 'fulfillment subgraph',
      schemaFile: new URL('./schema.graphql', import.meta.url),
      resolvers,
      context: () => ({ adapter, loaders: createFulfillmentLoaders(adapter) }),
    },
    options,
  );
}

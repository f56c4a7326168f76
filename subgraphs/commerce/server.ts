import type { GraphQLService } from '../../lib/service/graphql.js';
import { createSubgraphService, type SubgraphOptions } from '../../lib/subgraph/subgraph-service.js';
import type { CommerceAdapter } from './adapter.js';
import type { CommerceContext } from './context.js';
import { createCommerceLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';

/** The commerce subgraph: prices, cost and margin on products; carts, orders and promotions. */
export function createCommerceSubgraph(adapter: CommerceAdapter, options: SubgraphOptions = {}): GraphQLService<CommerceContext> {
  return createSubgraphService<CommerceContext>(
    {
      name: 'commerce subgraph',
      schemaFile: new URL('./schema.graphql', import.meta.url),
      resolvers,
      context: () => ({ adapter, loaders: createCommerceLoaders(adapter) }),
      changeFeeds: [adapter.changes],
    },
    options,
  );
}

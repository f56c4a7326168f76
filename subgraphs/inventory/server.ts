import type { GraphQLService } from '../../lib/service/graphql.js';
import { createSubgraphService, type SubgraphOptions } from '../../lib/subgraph/subgraph-service.js';
import type { InventoryAdapter } from './adapter.js';
import type { InventoryContext } from './context.js';
import { createInventoryLoaders } from './loaders.js';
import { PartialErrors, partialErrorsPlugin } from './partial-errors.js';
import { resolvers } from './resolvers.js';

export function createInventorySubgraph(adapter: InventoryAdapter, options: SubgraphOptions = {}): GraphQLService<InventoryContext> {
  return createSubgraphService<InventoryContext>(
    {
      name: 'inventory subgraph',
      schemaFile: new URL('./schema.graphql', import.meta.url),
      resolvers,
      context: (cacheTags) => ({ adapter, loaders: createInventoryLoaders(adapter, cacheTags), partialErrors: new PartialErrors() }),
      plugins: [partialErrorsPlugin()],
      changeFeeds: adapter.changeFeeds,
    },
    options,
  );
}

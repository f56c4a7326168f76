import type { GraphQLService } from '../../lib/service/graphql.js';
import { createSubgraphService, type SubgraphOptions } from '../../lib/subgraph/subgraph-service.js';
import type { PimAdapter } from './adapter.js';
import type { PimContext } from './context.js';
import { createPimLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';

export function createPimSubgraph(adapter: PimAdapter, options: SubgraphOptions = {}): GraphQLService<PimContext> {
  return createSubgraphService<PimContext>(
    {
      name: 'pim subgraph',
      schemaFile: new URL('./schema.graphql', import.meta.url),
      resolvers,
      context: () => ({ adapter, loaders: createPimLoaders(adapter) }),
    },
    options,
  );
}

import type { GraphQLService } from '../../lib/service/graphql.js';
import { createSubgraphService, type SubgraphOptions } from '../../lib/subgraph/subgraph-service.js';
import type { CrmAdapter } from './adapter.js';
import type { CrmContext } from './context.js';
import { createCrmLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';

export function createCrmSubgraph(adapter: CrmAdapter, options: SubgraphOptions = {}): GraphQLService<CrmContext> {
  return createSubgraphService<CrmContext>(
    {
      name: 'crm subgraph',
      schemaFile: new URL('./schema.graphql', import.meta.url),
      resolvers,
      context: () => ({ adapter, loaders: createCrmLoaders(adapter) }),
    },
    options,
  );
}

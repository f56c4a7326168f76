import type { GraphQLService } from '../../lib/service/graphql.js';
import { buildSchemaFromFile } from '../../lib/subgraph/schema.js';
import { createSubgraphServer } from '../../lib/subgraph/server.js';
import type { PimAdapter } from './adapter.js';
import type { PimContext } from './context.js';
import { createPimLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';

export function createPimSubgraph(adapter: PimAdapter): GraphQLService<PimContext> {
  const schema = buildSchemaFromFile(new URL('./schema.graphql', import.meta.url), resolvers);
  return {
    name: 'pim subgraph',
    server: createSubgraphServer<PimContext>(schema),
    context: async () => ({ adapter, loaders: createPimLoaders(adapter) }),
  };
}

import type { GraphQLService } from '../../lib/service/graphql.js';
import { buildSchemaFromFile } from '../../lib/subgraph/schema.js';
import { createSubgraphServer } from '../../lib/subgraph/server.js';
import type { InventoryAdapter } from './adapter.js';
import type { InventoryContext } from './context.js';
import { createInventoryLoaders } from './loaders.js';
import { PartialErrors, partialErrorsPlugin } from './partial-errors.js';
import { resolvers } from './resolvers.js';

export function createInventorySubgraph(adapter: InventoryAdapter): GraphQLService<InventoryContext> {
  const schema = buildSchemaFromFile(new URL('./schema.graphql', import.meta.url), resolvers);
  const server = createSubgraphServer<InventoryContext>(schema);
  server.addPlugin(partialErrorsPlugin());
  return {
    name: 'inventory subgraph',
    server,
    context: async () => ({ adapter, loaders: createInventoryLoaders(adapter), partialErrors: new PartialErrors() }),
  };
}

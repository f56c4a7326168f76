import type { GraphQLService } from '../../lib/service/graphql.js';
import { buildSchemaFromFile } from '../../lib/subgraph/schema.js';
import { createSubgraphServer } from '../../lib/subgraph/server.js';
import type { InventoryAdapter } from './adapter.js';
import { createInventoryLoaders, type InventoryLoaders } from './loaders.js';
import { PartialErrors, partialErrorsPlugin } from './partial-errors.js';
import { resolvers } from './resolvers.js';

export interface InventoryContext {
  adapter: InventoryAdapter;
  loaders: InventoryLoaders;
  partialErrors: PartialErrors;
}

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

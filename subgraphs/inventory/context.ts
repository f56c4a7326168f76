import type { SubgraphContext } from '../../lib/subgraph/subgraph-service.js';
import type { InventoryAdapter } from './adapter.js';
import type { InventoryLoaders } from './loaders.js';
import type { PartialErrors } from './partial-errors.js';

/** What the inventory subgraph's resolvers get with every request. */
export interface InventoryContext extends SubgraphContext {
  adapter: InventoryAdapter;
  loaders: InventoryLoaders;
  partialErrors: PartialErrors;
}

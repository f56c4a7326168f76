import type { SubgraphContext } from '../../lib/subgraph/subgraph-service.js';
import type { PimAdapter } from './adapter.js';
import type { PimLoaders } from './loaders.js';

/** What the pim subgraph's resolvers get with every request. */
export interface PimContext extends SubgraphContext {
  adapter: PimAdapter;
  loaders: PimLoaders;
}

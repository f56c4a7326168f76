import type { SubgraphContext } from '../../lib/subgraph/subgraph-service.js';
import type { CommerceAdapter } from './adapter.js';
import type { CommerceLoaders } from './loaders.js';

/** What the commerce subgraph's resolvers get with every request. */
export interface CommerceContext extends SubgraphContext {
  adapter: CommerceAdapter;
  loaders: CommerceLoaders;
}

import type { SubgraphContext } from '../../lib/subgraph/subgraph-service.js';
import type { CrmAdapter } from './adapter.js';
import type { CrmLoaders } from './loaders.js';

/** What the crm subgraph's resolvers get with every request. */
export interface CrmContext extends SubgraphContext {
  adapter: CrmAdapter;
  loaders: CrmLoaders;
}

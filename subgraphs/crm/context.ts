import type { CrmAdapter } from './adapter.js';
import type { CrmLoaders } from './loaders.js';

/** What the crm subgraph's resolvers get with every request. */
export interface CrmContext {
  adapter: CrmAdapter;
  loaders: CrmLoaders;
}

import type { PimAdapter } from './adapter.js';
import type { PimLoaders } from './loaders.js';

/** What the pim subgraph's resolvers get with every request. */
export interface PimContext {
  adapter: PimAdapter;
  loaders: PimLoaders;
}

import type { SubgraphContext } from '../../lib/subgraph/subgraph-service.js';
import type { FulfillmentAdapter } from './adapter.js';
import type { FulfillmentLoaders } from './loaders.js';

/** What the fulfillment subgraph's resolvers get with every request. */
export interface FulfillmentContext extends SubgraphContext {
  adapter: FulfillmentAdapter;
  loaders: FulfillmentLoaders;
}

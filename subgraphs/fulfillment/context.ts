import type { FulfillmentAdapter } from './adapter.js';
import type { FulfillmentLoaders } from './loaders.js';

/** What the fulfillment subgraph's resolvers get with every request. */
export interface FulfillmentContext {
  adapter: FulfillmentAdapter;
  loaders: FulfillmentLoaders;
}

import type { SubgraphContext } from '../../lib/subgraph/subgraph-service.js';
import type { PaymentsAdapter } from './adapter.js';

/** What the payments subgraph's resolvers get with every request. */
export interface PaymentsContext extends SubgraphContext {
  adapter: PaymentsAdapter;
}

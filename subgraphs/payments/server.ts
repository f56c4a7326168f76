import type { GraphQLService } from '../../lib/service/graphql.js';
import { createSubgraphService, type SubgraphOptions } from '../../lib/subgraph/subgraph-service.js';
import type { PaymentsAdapter } from './adapter.js';
import type { PaymentsContext } from './context.js';
import { resolvers } from './resolvers.js';

export function createPaymentsSubgraph(adapter: PaymentsAdapter, options: SubgraphOptions = {}): GraphQLService<PaymentsContext> {
  return createSubgraphService<PaymentsContext>(
    {
      name: 'payments subgraph',
      schemaFile: new URL('./schema.graphql', import.meta.url),
      resolvers,
      context: () => ({ adapter }),
    },
    options,
  );
}

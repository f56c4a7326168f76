import type { GraphQLService } from '../../lib/service/graphql.js';
import { buildSchemaFromFile } from '../../lib/subgraph/schema.js';
import { createSubgraphServer } from '../../lib/subgraph/server.js';
import type { CommerceAdapter } from './adapter.js';
import type { CommerceContext } from './context.js';
import { createCommerceLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';

/** The commerce subgraph: prices, cost and margin on products; carts, orders and promotions. */
export function createCommerceSubgraph(adapter: CommerceAdapter): GraphQLService<CommerceContext> {
  const schema = buildSchemaFromFile<CommerceContext>(new URL('./schema.graphql', import.meta.url), resolvers);
  return {
    name: 'commerce subgraph',
    server: createSubgraphServer<CommerceContext>(schema),
    context: async () => ({ adapter, loaders: createCommerceLoaders(adapter) }),
  };
}

import type { GraphQLService } from '../../lib/service/graphql.js';
import { buildSchemaFromFile } from '../../lib/subgraph/schema.js';
import { createSubgraphServer } from '../../lib/subgraph/server.js';
import type { CrmAdapter } from './adapter.js';
import type { CrmContext } from './context.js';
import { createCrmLoaders } from './loaders.js';
import { resolvers } from './resolvers.js';

export function createCrmSubgraph(adapter: CrmAdapter): GraphQLService<CrmContext> {
  const schema = buildSchemaFromFile(new URL('./schema.graphql', import.meta.url), resolvers);
  return {
    name: 'crm subgraph',
    server: createSubgraphServer<CrmContext>(schema),
    context: async () => ({ adapter, loaders: createCrmLoaders(adapter) }),
  };
}

import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type BaseContext } from '@apollo/server';
import type { GraphQLService } from '../lib/service/graphql.js';
import type { Environment } from './config.js';
import { maskUnexpectedErrors } from './errors.js';
import { subgraphHealth } from './health.js';
import type { Supergraph } from './supergraph.js';

export interface GatewayOptions {
  supergraph: Supergraph;
  environment: Environment;
  healthTimeoutMs?: number;
}

export type GatewayContext = BaseContext;

/**
 * A federation gateway over any supergraph: `@apollo/gateway` plans and executes,
 * Apollo Server serves it (Sandbox as the landing page outside production, introspection off in production).
 */
export function createGateway(options: GatewayOptions): GraphQLService<GatewayContext> {
  const { supergraph, environment } = options;
  const urls = new Map(supergraph.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.sdl,
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: urls.get(name) ?? url }),
  });
  const production = environment === 'production';
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    includeStacktraceInErrorResponses: environment === 'development',
    hideSchemaDetailsFromClientErrors: production,
    formatError: maskUnexpectedErrors(environment),
  });
  return {
    name: 'gateway',
    server,
    context: async () => ({}),
    health: subgraphHealth(supergraph.subgraphs, options.healthTimeoutMs ?? 1_000),
  };
}

import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { GraphQLService } from '../lib/service/graphql.js';
import { accessPolicy } from '../policies/access/permissions.js';
import type { AccessPolicy } from '../policies/access/policy.js';
import { OPERATION_LIMITS } from '../policies/limits.js';
import type { Environment } from './config.js';
import type { GatewayContext } from './context.js';
import { maskUnexpectedErrors } from './errors.js';
import { subgraphHealth } from './health.js';
import type { TokenKeys } from './identity/keys.js';
import { useIdentity } from './identity/useIdentity.js';
import { useLimits } from './limits/useLimits.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { describes } from './policy/rule-index.js';
import { usePolicy } from './policy/usePolicy.js';
import type { Supergraph } from './supergraph.js';

export interface GatewayOptions {
  supergraph: Supergraph;
  environment: Environment;
  keys: TokenKeys;
  /** Field-level access; `policies/` by default. `null` leaves it out (benchmarks compare with it). */
  policy?: AccessPolicy | null;
  healthTimeoutMs?: number;
  /** Sees each request's context once its response is sent (decisions included). */
  observe?: (context: GatewayContext) => void;
}

/**
 * A federation gateway over any supergraph: `@apollo/gateway` plans and executes, Apollo Server
 * serves it (Sandbox as the landing page outside production, introspection off in production).
 * Every request resolves to a principal; `policies/` decides what it may read and do.
 */
export function createGateway(options: GatewayOptions): GraphQLService<GatewayContext> {
  const { supergraph, environment } = options;
  const urls = new Map(supergraph.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.sdl,
    buildService: ({ name, url }) => new SubgraphDataSource({ name, url: urls.get(name) ?? url ?? '' }),
  });
  const principalFor = useIdentity({ keys: options.keys });
  const policy = options.policy === undefined ? accessPolicy : options.policy;
  const production = environment === 'production';
  const server = new ApolloServer<GatewayContext>({
    gateway: policy ? usePolicy(gateway, { policy }) : gateway,
    introspection: !production,
    includeStacktraceInErrorResponses: environment === 'development',
    hideSchemaDetailsFromClientErrors: production,
    formatError: maskUnexpectedErrors(environment),
    // The parser's own bound, so no principal kind's token limit is ever checked on a runaway document.
    parseOptions: { maxTokens: Math.max(...Object.values(OPERATION_LIMITS).map((limit) => limit.tokens)) },
    plugins: [useLimits({ limits: OPERATION_LIMITS, appliesTo: describedBy(policy) }), ...observing(options.observe)],
  });
  return {
    name: 'gateway',
    server,
    context: async ({ req }) => ({
      principal: await principalFor(req.headers.authorization),
      _shield: { cache: {} },
      policyDecisions: [],
    }),
    health: subgraphHealth(supergraph.subgraphs, options.healthTimeoutMs ?? 1_000),
  };
}

function observing(observe: GatewayOptions['observe']): ApolloServerPlugin<GatewayContext>[] {
  if (!observe) return [];
  return [{ requestDidStart: async () => ({ willSendResponse: async ({ contextValue }) => observe(contextValue) }) }];
}

/**
 * The policy and its limits hold on the supergraphs it describes; on any other the gateway answers
 * exactly as plain `@apollo/gateway` does.
 */
function describedBy(policy: AccessPolicy | null): (schema: GraphQLSchema) => boolean {
  return (schema) => policy !== null && describes(policy, schema);
}

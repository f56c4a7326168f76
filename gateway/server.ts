import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { GraphQLService, HealthReport } from '../lib/service/graphql.js';
import { accessPolicy } from '../policies/access/permissions.js';
import type { AccessPolicy } from '../policies/access/policy.js';
import { OPERATION_LIMITS, type OperationLimits } from '../policies/limits.js';
import type { PrincipalKind } from '../policies/principal.js';
import type express from 'express';
import { auditedFieldsOf } from './audit/audited-fields.js';
import { useAudit, type AuditOptions } from './audit/useAudit.js';
import { useCache, type CacheOptions, type GatewayCache } from './cache/useCache.js';
import { useClientCacheControl } from './cache/useClientCacheControl.js';
import type { Environment } from './config.js';
import { requestContextFor, type GatewayContext } from './context.js';
import { maskUnexpectedErrors } from './errors.js';
import { subgraphHealth } from './health.js';
import type { TokenKeys } from './identity/keys.js';
import { useIdentity } from './identity/useIdentity.js';
import { requestBounds } from './limits/request-bounds.js';
import type { GatewayMetrics } from './metrics/gateway-metrics.js';
import { metricsRoutes } from './metrics/serve-metrics.js';
import { RESILIENCE_DEFAULTS, type ResilienceConfig } from './resilience/config.js';
import { createSubgraphResilience, type ResiliencePolicy } from './resilience/subgraph-resilience.js';
import { useLimits } from './limits/useLimits.js';
import { useRateLimits, type RateLimitOptions } from './limits/useRateLimits.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { usePolicy } from './policy/usePolicy.js';
import { executeOperationAs } from './mcp/execute-operation.js';
import { useMcp, type McpOptions } from './mcp/useMcp.js';
import type { OperationRegistry } from './operations/registry.js';
import { useSafelist } from './operations/useSafelist.js';
import type { Supergraph } from './supergraph.js';

export interface GatewayOptions {
  supergraph: Supergraph;
  environment: Environment;
  keys: TokenKeys;
  /**
   * Field-level access; `policies/` by default. It must have been written for this supergraph, or
   * the gateway does not start. `null` leaves it out: answers are plain `@apollo/gateway`'s.
   */
  policy?: AccessPolicy | null;
  /** Operation limits per principal kind, on any supergraph; `policies/limits.ts` by default, `null` for none. */
  limits?: Record<PrincipalKind, OperationLimits> | null;
  healthTimeoutMs?: number;
  /** Timeout, retries, breaker and bulkhead per subgraph (`readResilienceConfig`); `RESILIENCE_DEFAULTS` for all by default. */
  resilience?: ResilienceConfig;
  /** Where the gateway records what it does; `/metrics` is served beside `/graphql` when `publicRoute` is set. */
  metrics?: { registry: GatewayMetrics; publicRoute?: { token?: string } };
  /** The cache of subgraph fetches (`gateway/cache/useCache.ts`); none unless given (`{}`: memory only, defaults). */
  cache?: CacheOptions | null;
  /**
   * Per-agent rate limits (`gateway/limits/useRateLimits.ts`); none unless given (`{}`: `policies/rate-limits.ts`,
   * counted in memory). Refusals are recorded in `audit`'s log unless these options name another.
   */
  rateLimits?: RateLimitOptions | null;
  /** What the gateway signs the principal it forwards to subgraphs with (INTERNAL_CALL_SECRET); none forwarded without it. */
  internalCallSecret?: string;
  /** Where requests selecting an `@audit` field of the supergraph are recorded, and its routes; none unless given. */
  audit?: { log: AuditOptions['log']; routes?: Routes; close?: () => Promise<void> } | null;
  /** `/mcp`: the registered operations as MCP tools for agents (`gateway/mcp/useMcp.ts`); none unless given. */
  mcp?: McpOptions | null;
  /**
   * The persisted-operation safelist (`gateway/operations/useSafelist.ts`): the kinds of principal that may
   * run only these operations; refusals go to `audit`'s log. None unless given: every principal sends any document.
   */
  safelist?: { registry: OperationRegistry; enforcedFor: PrincipalKind[] } | null;
  /** Sees each request's context once its response is sent (decisions included). */
  observe?: (context: GatewayContext) => void;
}

/**
 * A federation gateway over any supergraph: `@apollo/gateway` plans and executes, Apollo Server
 * serves it (Sandbox as the landing page outside production, introspection off in production).
 * Every request resolves to a principal; `policies/` decides what it may read and do. With `cache`,
 * the fetches of queries are answered from a two-level cache, stale ones said so in `extensions.stale`;
 * a shared cache is never told it may keep an answer that is not anonymous and public throughout.
 */
export function createGateway(options: GatewayOptions): GraphQLService<GatewayContext> {
  const { supergraph, environment } = options;
  const urls = new Map(supergraph.subgraphs.map((subgraph) => [subgraph.name, subgraph.url]));
  const metrics = options.metrics?.registry;
  const cache = options.cache ? useCache({ ...options.cache, metrics }) : null;
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph.sdl,
    buildService: ({ name, url }) => {
      const resilience = createSubgraphResilience({ subgraph: name, ...policyFor(options.resilience, name) });
      metrics?.observeSubgraph(resilience);
      const { internalCallSecret } = options;
      return new SubgraphDataSource({ name, url: urls.get(name) ?? url ?? '', resilience, cache: cache?.fetches, metrics, internalCallSecret });
    },
  });
  const principalFor = useIdentity({ keys: options.keys });
  const audited = auditedFieldsOf(supergraph.sdl);
  const policy = options.policy === undefined ? accessPolicy : options.policy;
  const limits = options.limits === undefined ? OPERATION_LIMITS : options.limits;
  const production = environment === 'production';
  const safelist = options.safelist ? useSafelist({ ...options.safelist, audit: options.audit?.log }) : null;
  // Policy ① decides before answers are reused: only what it finds public to everyone is.
  const reusing = cache ? cache.reuseAnswers(gateway, { policyDecides: policy !== null }) : gateway;
  const server = new ApolloServer<GatewayContext>({
    gateway: policy ? usePolicy(reusing, { policy }) : reusing,
    introspection: !production,
    includeStacktraceInErrorResponses: environment === 'development',
    hideSchemaDetailsFromClientErrors: production,
    formatError: maskUnexpectedErrors(environment),
    ...(limits ? requestBounds(limits) : {}),
    ...(safelist ? { persistedQueries: safelist.persistedQueries } : {}),
    plugins: [
      ...(safelist ? [safelist.plugin] : []),
      ...(limits ? [useLimits({ limits })] : []),
      ...(options.rateLimits ? [useRateLimits({ audit: options.audit?.log, ...options.rateLimits })] : []),
      useClientCacheControl(),
      ...(cache?.plugins ?? []),
      ...(options.audit ? [useAudit({ log: options.audit.log, audited })] : []),
      ...observing(options.observe),
    ],
  });
  const mcp = options.mcp && useMcp(options.mcp, {
    principalFor,
    execute: executeOperationAs(server),
    onSchema: (listener) => gateway.onSchemaLoadOrUpdate(({ apiSchema }) => listener(apiSchema)),
    policy,
    audited,
    issuer: options.keys.issuer,
    audit: options.audit?.log,
  });
  return {
    name: 'gateway',
    server,
    context: async ({ req }) => {
      const principal = await principalFor(req.headers.authorization);
      await safelist?.admit(principal, req);
      return requestContextFor(principal);
    },
    health: withCacheHealth(subgraphHealth(supergraph.subgraphs, options.healthTimeoutMs ?? 1_000), cache),
    routes: both(cache?.routes, options.audit?.routes, mcp?.routes, metrics && options.metrics?.publicRoute && metricsRoutes(metrics, options.metrics.publicRoute)),
    onClose: async () => {
      await cache?.close();
      await options.audit?.close?.();
    },
  };
}

/** The subgraphs' report with the cache's beside it: Redis gone makes the gateway degraded, not down. */
function withCacheHealth(subgraphs: () => Promise<HealthReport>, cache: GatewayCache | null): () => Promise<HealthReport> {
  if (!cache) return subgraphs;
  return async () => {
    const report = await subgraphs();
    const health = cache.health();
    return { ...report, ...(health.status === 'degraded' ? { status: 'degraded' } : {}), cache: health };
  };
}

function policyFor(config: ResilienceConfig | undefined, subgraph: string): ResiliencePolicy {
  return config?.subgraphs[subgraph] ?? config?.defaults ?? RESILIENCE_DEFAULTS;
}

type Routes = (app: express.Express) => void;

function both(...routes: (Routes | undefined)[]): Routes {
  return (app) => routes.forEach((add) => add?.(app));
}

function observing(observe: GatewayOptions['observe']): ApolloServerPlugin<GatewayContext>[] {
  if (!observe) return [];
  return [{ requestDidStart: async () => ({ willSendResponse: async ({ contextValue }) => observe(contextValue) }) }];
}

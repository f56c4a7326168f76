import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { NO_CACHE_TO_INVALIDATE, type TagPublisher } from '../invalidation/publisher.js';
import type { GraphQLService } from '../service/graphql.js';
import { createSignatureVerifier } from '../signing/signed-body.js';
import { cacheHeadersPlugin } from './cache-headers.js';
import { CacheTags } from './cache-tags.js';
import type { ChangeFeed } from './change-feed.js';
import type { TaggedContext } from './entity-tags.js';
import { DEFAULT_STALE_WINDOWS, type StaleWindows } from './freshness.js';
import { internalCallVerifier } from './internal-calls.js';
import { buildSchemaFromFile } from './schema.js';
import { createSubgraphServer } from './server.js';
import { addWebhookRoutes } from './webhooks.js';

/** What every subgraph's resolvers get besides their domain's adapter and loaders. */
export interface SubgraphContext extends TaggedContext {
  /** Where a write publishes the tags of what it changed, once its vendor has confirmed it. */
  invalidations: TagPublisher;
  /** The request carries the orchestrator's signature: internal step mutations may run (`requireInternalCall`). */
  internalCall: boolean;
}

/** How a subgraph takes part in caching; all optional, for tests and tools that run no cache. */
export interface SubgraphOptions {
  /** Added to each cacheable answer's `Cache-Control`; DEFAULT_STALE_WINDOWS when not given. */
  freshness?: StaleWindows;
  /** Where writes and vendor webhooks publish; the subgraph closes it when it stops. None: nothing is published. */
  invalidations?: TagPublisher;
  /** What vendors sign their webhooks with; without it the subgraph takes no webhooks. */
  webhookSecret?: string;
  /** What the orchestrator signs its step calls with; without it every internal step mutation is refused. */
  internalCallSecret?: string;
}

/** One subgraph: its SDL and resolvers, and what each request's context holds for its domain. */
export interface SubgraphDefinition<C extends SubgraphContext> {
  /** e.g. `inventory subgraph`. */
  name: string;
  schemaFile: URL;
  resolvers: GraphQLResolverMap<C>;
  /** The domain's part of a request's context (adapter, fresh loaders), given the request's tags to add to. */
  context: (cacheTags: CacheTags) => Omit<C, keyof SubgraphContext>;
  plugins?: ApolloServerPlugin<C>[];
  /** Vendors that report their changes to this subgraph. */
  changeFeeds?: readonly ChangeFeed[];
}

/** A subgraph as a service to serve: its answers carry `Cache-Control` and `Cache-Tag`, its vendors' webhooks are taken. */
export function createSubgraphService<C extends SubgraphContext>(definition: SubgraphDefinition<C>, options: SubgraphOptions = {}): GraphQLService<C> {
  const invalidations = options.invalidations ?? NO_CACHE_TO_INVALIDATE;
  const schema = buildSchemaFromFile<C>(definition.schemaFile, definition.resolvers);
  const plugins = [...(definition.plugins ?? []), cacheHeadersPlugin<C>(options.freshness ?? DEFAULT_STALE_WINDOWS)];
  const { webhookSecret } = options;
  const feeds = definition.changeFeeds ?? [];
  const isInternalCall = internalCallVerifier(options.internalCallSecret);
  return {
    name: definition.name,
    server: createSubgraphServer<C>(schema, plugins),
    context: async ({ req }) => {
      const cacheTags = new CacheTags();
      return { ...definition.context(cacheTags), cacheTags, invalidations, internalCall: isInternalCall(req) } as C;
    },
    health: async () => ({ ok: true, invalidations: invalidations.report() }),
    routes: webhookSecret && feeds.length > 0 ? (app) => addWebhookRoutes(app, feeds, createSignatureVerifier(webhookSecret), invalidations) : undefined,
    onClose: () => invalidations.close(),
  };
}

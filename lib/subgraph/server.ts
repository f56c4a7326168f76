import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';

/**
 * The Apollo Server of a subgraph. Subgraphs are reached by the gateway, which composes and
 * plans over their SDL (`_service { sdl }`), so introspection stays on here; the gateway decides
 * what clients may introspect. Inline tracing (for Apollo Studio) is off: nothing here reports to Studio.
 * Apollo's cache-control plugin computes each answer's policy from the SDL's `@cacheControl` hints;
 * the `Cache-Control` header is written by `cacheHeadersPlugin`, which adds the stale windows, so
 * Apollo's own header is off. Plugins run in the order given.
 */
export function createSubgraphServer<C extends BaseContext>(schema: GraphQLSchema, plugins: ApolloServerPlugin<C>[]): ApolloServer<C> {
  return new ApolloServer<C>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControl({ calculateHttpHeaders: false }), ...plugins],
  });
}

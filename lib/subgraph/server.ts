import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';

/**
 * The Apollo Server of a subgraph. Subgraphs are reached by the gateway, which composes and
 * plans over their SDL (`_service { sdl }`), so introspection stays on here; the gateway decides
 * what clients may introspect. Inline tracing (for Apollo Studio) is off: nothing here reports to Studio.
 */
export function createSubgraphServer<C extends BaseContext>(schema: GraphQLSchema): ApolloServer<C> {
  return new ApolloServer<C>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
}

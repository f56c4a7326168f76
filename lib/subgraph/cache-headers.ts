import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { TaggedContext } from './entity-tags.js';
import type { StaleWindows } from './freshness.js';

export const CACHE_TAG_HEADER = 'cache-tag';

/**
 * Writes each answer's `Cache-Control` (RFC 9111, RFC 5861) and `Cache-Tag` headers:
 *
 *     Cache-Control: max-age=5, public, stale-while-revalidate=60, stale-if-error=86400
 *     Cache-Tag: Product:SKU-10001 Stock:SKU-10001
 *
 * `max-age` and `public`/`private` are the policy Apollo's cache-control plugin computed from the
 * SDL's hints; the stale windows are the subgraph's configuration. A mutation, an answer with errors
 * or one whose policy is max-age 0 (a field without a hint, `_service`, introspection) is `no-store`,
 * without tags. Install it last: it reads the errors the other plugins added.
 */
export function cacheHeadersPlugin<C extends TaggedContext>(windows: StaleWindows): ApolloServerPlugin<C> {
  const stale = `stale-while-revalidate=${windows.staleWhileRevalidateS}, stale-if-error=${windows.staleIfErrorS}`;
  return {
    async requestDidStart() {
      return {
        async willSendResponse(request) {
          const { headers } = request.response.http;
          const policy = cacheablePolicy(request);
          if (!policy) {
            headers.set('cache-control', 'no-store');
            return;
          }
          headers.set('cache-control', `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}, ${stale}`);
          const tags = request.contextValue.cacheTags.header();
          if (tags) headers.set(CACHE_TAG_HEADER, tags);
        },
      };
    },
  };
}

function cacheablePolicy<C extends TaggedContext>({ operation, response, overallCachePolicy }: GraphQLRequestContextWillSendResponse<C>) {
  const complete = response.body.kind === 'single' && !response.body.singleResult.errors;
  return operation?.operation === 'query' && complete ? overallCachePolicy.policyIfCacheable() : null;
}

import { createHash } from 'node:crypto';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import type { GatewayContext } from '../context.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { AnswerSources } from './answer-sources.js';
import { stableJson } from './cache-key.js';
import type { CacheStore } from './cache-store.js';

export interface AnswerCacheOptions {
  store: CacheStore;
  now: () => number;
  /**
   * With an access policy, only operations it found open to every principal (`publicOperation`) are
   * reused: then the answer cannot depend on who asks. Without one, any principal may read anything.
   */
  policyDecides: boolean;
  metrics?: Pick<GatewayMetrics, 'cacheHit' | 'cacheMiss'>;
}

/**
 * Whole answers of public queries, reused while fresh: keyed by the document, operation name and
 * variables only (never the principal or raw headers), kept when every fetch the answer was made of
 * was public, fresh and cacheable, and no error occurred; dropped by the same tags as those fetches.
 * Past its max-age an answer is not served: the fetch cache then serves each fetch, stale ones said
 * so, so no answer is ever part stale, part fresh. It sits inside the executor: everything Apollo
 * Server's plugins do for a request (limits, audit, rate counts, `Cache-Control`) runs on a hit too.
 */
export function useAnswerCache(gateway: GatewayInterface, options: AnswerCacheOptions): GatewayInterface {
  return {
    async load(loadOptions) {
      const { executor } = await gateway.load(loadOptions);
      return { executor: executor && reusing(executor, options) };
    },
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
  };
}

function reusing(execute: GatewayExecutor, { store, now, policyDecides, metrics }: AnswerCacheOptions): GatewayExecutor {
  return async (requestContext) => {
    const context = requestContext.context as GatewayContext;
    if (requestContext.operation.operation !== 'query' || (policyDecides && !context.publicOperation)) return execute(requestContext);
    const key = answerKey(requestContext);
    const kept = await store.get(key);
    if (kept && now() - kept.fetchedAt < kept.policy.maxAgeSeconds * 1000) {
      metrics?.cacheHit({ cache: 'response' });
      const remaining = kept.policy.maxAgeSeconds - Math.ceil((now() - kept.fetchedAt) / 1000);
      requestContext.overallCachePolicy.restrict({ maxAge: Math.max(0, remaining), scope: 'PUBLIC' });
      return { data: JSON.parse(kept.data) };
    }
    metrics?.cacheMiss({ cache: 'response' });
    const sources = (context.answerSources = new AnswerSources());
    const result = await execute(requestContext);
    const reusable = sources.reusable();
    if (reusable && result.data && !result.errors?.length) {
      const policy = { maxAgeSeconds: reusable.maxAgeSeconds, scope: 'public' as const, staleWhileRevalidateSeconds: 0, staleIfErrorSeconds: 0, tags: reusable.tags };
      await store.set(key, { fetchedAt: reusable.fetchedAt, policy, data: JSON.stringify(result.data) });
    }
    return result;
  };
}

/** `answer:<sha256 of the document's hash, the operation's name and the variables>`. */
function answerKey({ queryHash, request, operation }: GatewayGraphQLRequestContext): string {
  const identity = stableJson([queryHash, operation.name?.value ?? request.operationName ?? null, request.variables ?? {}]);
  return `answer:${createHash('sha256').update(identity).digest('base64url')}`;
}

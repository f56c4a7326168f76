import type { ApolloServerPlugin } from '@apollo/server';
import type { AnswerSources } from './answer-sources.js';
import type { StaleReason } from './fetch-cache.js';

/** A fetch answered from the cache past its max-age: where its data went, from which subgraph, how old, and why. */
export interface StaleAnswer {
  path: (string | number)[];
  subgraph: string;
  ageSeconds: number;
  reason: StaleReason;
}

/** What the cache keeps on each request: the stale answers it served, for the response's `extensions.stale`. */
export interface CacheRequestContext {
  staleAnswers: StaleAnswer[];
  /** Set when the whole answer may be kept: the data sources record each fetch in it. */
  answerSources?: AnswerSources;
}

/** Adds `extensions.stale` to every answer that holds stale data, so a storefront or an agent can decide. */
export function reportStaleAnswers(): ApolloServerPlugin<CacheRequestContext> {
  return {
    requestDidStart: async () => ({
      willSendResponse: async ({ contextValue, response }) => {
        if (contextValue.staleAnswers.length === 0 || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, stale: contextValue.staleAnswers };
      },
    }),
  };
}

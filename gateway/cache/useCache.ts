import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import type express from 'express';
import { INVALIDATION_CHANNEL } from '../../lib/invalidation/message.js';
import { connectFailFast } from '../../lib/invalidation/redis-connection.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { createFetchCache, type FetchCache } from './fetch-cache.js';
import { invalidationRoute } from './invalidation-route.js';
import { subscribeToInvalidations } from './invalidation-subscriber.js';
import { createMemoryStore } from './memory-store.js';
import { createRedisStore } from './redis-store.js';
import { reportStaleAnswers, type CacheRequestContext } from './stale-answers.js';
import { createTwoLevelStore } from './two-level-store.js';
import { useAnswerCache } from './useAnswerCache.js';

export const DEFAULT_MAX_ENTRIES = 10_000;
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_SOFT_TIMEOUT_MS = 500;
/** No request waits on Redis longer than this. */
const REDIS_COMMAND_TIMEOUT_MS = 200;

export interface CacheOptions {
  /** Bounds of the in-process memory (L1). */
  maxEntries?: number;
  maxBytes?: number;
  /** Redis (L2, shared by every instance, and how invalidations reach them all); memory only without it. */
  /** `commandTimeoutMs`: how long a request may wait on one Redis command (200 ms by default), then it is a miss. */
  redis?: { url: string; keyPrefix?: string; channel?: string; commandTimeoutMs?: number };
  /** Serves the signed `POST INVALIDATION_ROUTE` with this secret; no route without it. */
  invalidationSecret?: string;
  /** How long a request with a stale-if-error fallback waits for its subgraph before it gets the fallback; 500 ms by default. */
  softTimeoutMs?: number;
  /** The clock every age is measured by (epoch ms). */
  now?: () => number;
  /** Sees each invalidation once this instance has applied it. */
  onInvalidated?: (tags: string[]) => void;
  /** Counts invalidations and whole-answer hits, and reports whether Redis answers. */
  metrics?: Pick<GatewayMetrics, 'invalidation' | 'redisUp' | 'cacheHit' | 'cacheMiss'>;
}

export interface GatewayCache {
  fetches: FetchCache;
  /** The gateway, reusing whole answers of public queries (`useAnswerCache`) in the same stores. */
  reuseAnswers(gateway: GatewayInterface, options: { policyDecides: boolean }): GatewayInterface;
  plugins: ApolloServerPlugin<CacheRequestContext>[];
  routes?: (app: express.Express) => void;
  health(): CacheHealth;
  close(): Promise<void>;
}

export interface CacheHealth {
  status: 'pass' | 'degraded';
  memory: { entries: number; bytes: number };
  /** With Redis: whether it answers. Down, the gateway carries on from memory and the subgraphs. */
  redis?: 'ready' | 'unavailable';
  invalidations: 'subscribed' | 'unsubscribed' | 'signed route' | 'none';
}

/**
 * The two-level cache of subgraph fetches: memory in front of Redis when `redis` is given, memory
 * alone when not. Invalidations arrive through Redis pub/sub, and through the signed route.
 */
export function useCache(options: CacheOptions = {}): GatewayCache {
  const now = options.now ?? Date.now;
  const memory = createMemoryStore({ maxEntries: options.maxEntries ?? DEFAULT_MAX_ENTRIES, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, now });
  const redisOptions = options.redis && {
    keyPrefix: 'commerce-control-plane:cache:',
    channel: INVALIDATION_CHANNEL,
    commandTimeoutMs: REDIS_COMMAND_TIMEOUT_MS,
    ...options.redis,
  };
  const redis = redisOptions && connectFailFast(redisOptions.url, { commandTimeoutMs: redisOptions.commandTimeoutMs, name: 'cache' });
  const store = redis ? createTwoLevelStore(memory, createRedisStore(redis, { keyPrefix: redisOptions.keyPrefix, now })) : memory;
  const fetches = createFetchCache({ store, now, softTimeoutMs: options.softTimeoutMs ?? DEFAULT_SOFT_TIMEOUT_MS });

  if (redis && options.metrics) {
    const { redisUp } = options.metrics;
    redis.on('ready', () => redisUp(true));
    redis.on('close', () => redisUp(false));
  }

  const apply = async (tags: string[]) => {
    await fetches.invalidate(tags);
    options.metrics?.invalidation(tags.length);
    options.onInvalidated?.(tags);
  };
  const subscription =
    redisOptions &&
    subscribeToInvalidations(redisOptions.url, {
      channel: redisOptions.channel,
      commandTimeoutMs: redisOptions.commandTimeoutMs,
      onTags: (tags) => void apply(tags),
      onSubscribed: () => memory.clear(),
    });
  // With Redis, what the route receives is published too: every instance's memory must drop it.
  const applyEverywhere = redis
    ? async (tags: string[]) => {
        await apply(tags);
        await redis.publish(redisOptions.channel, JSON.stringify({ tags }));
      }
    : apply;

  return {
    fetches,
    reuseAnswers: (gateway, { policyDecides }) => useAnswerCache(gateway, { store, now, policyDecides, metrics: options.metrics }),
    plugins: [reportStaleAnswers()],
    routes: options.invalidationSecret ? invalidationRoute(options.invalidationSecret, applyEverywhere) : undefined,
    health: () => {
      const redisState = redis && (redis.status === 'ready' ? 'ready' : 'unavailable');
      return {
        status: redisState === 'unavailable' ? 'degraded' : 'pass',
        memory: memory.usage(),
        ...(redisState ? { redis: redisState } : {}),
        invalidations: subscription ? (subscription.subscribed() ? 'subscribed' : 'unsubscribed') : options.invalidationSecret ? 'signed route' : 'none',
      };
    },
    close: async () => {
      await subscription?.close();
      redis?.disconnect();
    },
  };
}

import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { connectFailFast, whenReady } from '../../lib/invalidation/redis-connection.js';
import type { ApplicableLimit, RateLimit, RateLimits } from '../../policies/rate-limits.js';

export interface RedisCounting {
  url: string;
  /** Put before every key, so that what shares one Redis never meets; `commerce-control-plane:rate-limits:` by default. */
  keyPrefix?: string;
  /** How long a request may wait on one Redis command before it is counted in memory instead; 200 ms by default. */
  commandTimeoutMs?: number;
}

/** Counts of calls per key, each key under the limit it is held to. */
export interface RateCounters {
  /** Counts one call; what the library answered if it is over its limit, else null. */
  consume(applicable: ApplicableLimit, key: string): Promise<RateLimiterRes | null>;
  /** Resolves once Redis answers, or after a short wait without it (counts are in memory until it does). */
  ready(): Promise<void>;
  close(): void;
}

const DEFAULT_KEY_PREFIX = 'commerce-control-plane:rate-limits:';
const REDIS_COMMAND_TIMEOUT_MS = 200;
const REDIS_READY_WAIT_MS = 2_000;

/**
 * rate-limiter-flexible's counters, one limiter per limit: in Redis when given, shared by every gateway
 * instance, with a memory limiter as its insurance; in this process's memory otherwise. Redis gone (not
 * connected) is never waited on: the insurance counts at once; Redis slow costs at most one command timeout.
 */
export function createRateCounters(limits: RateLimits, redis?: RedisCounting): RateCounters {
  const client = redis && connectFailFast(redis.url, { commandTimeoutMs: redis.commandTimeoutMs ?? REDIS_COMMAND_TIMEOUT_MS, name: 'rate limits' });
  const keyPrefix = redis?.keyPrefix ?? DEFAULT_KEY_PREFIX;
  const limiterOf = ({ points, windowSeconds }: RateLimit, name: string): RateLimiterAbstract => {
    const options = { points, duration: windowSeconds, keyPrefix: `${keyPrefix}${name}` };
    const memory = new RateLimiterMemory(options);
    return client ? new RateLimiterRedis({ ...options, storeClient: client, rejectIfRedisNotReady: true, insuranceLimiter: memory }) : memory;
  };
  const named: [string, RateLimit][] = [
    ['reads', limits.reads],
    ['actions', limits.actions],
    ...Object.entries(limits.operations).map(([operation, limit]): [string, RateLimit] => [limiterName({ kind: 'operation', operation }), limit]),
  ];
  const limiters = new Map(named.map(([name, limit]) => [name, limiterOf(limit, name)]));
  return {
    async consume(applicable, key) {
      try {
        await limiters.get(limiterName(applicable))!.consume(key);
        return null;
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return rejection;
        throw rejection;
      }
    },
    async ready() {
      if (!client) return;
      await whenReady(client, REDIS_READY_WAIT_MS).catch((error: Error) => console.error(`Rate limits count in memory until Redis answers: ${error.message}`));
    },
    close: () => client?.disconnect(),
  };
}

function limiterName({ kind, operation }: Pick<ApplicableLimit, 'kind' | 'operation'>): string {
  return kind === 'operation' ? `operation:${operation}` : kind;
}

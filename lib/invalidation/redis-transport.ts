import { INVALIDATION_CHANNEL } from './message.js';
import type { InvalidationTransport } from './publisher.js';
import { connectFailFast, whenReady } from './redis-connection.js';

export interface RedisTransportOptions {
  /** Tests use a channel of their own; every gateway subscribes to INVALIDATION_CHANNEL. */
  channel?: string;
  commandTimeoutMs?: number;
}

/** Invalidations as `PUBLISH <channel> <json>`: every gateway instance subscribed receives them. */
export function createRedisTransport(url: string, { channel = INVALIDATION_CHANNEL, commandTimeoutMs = 200 }: RedisTransportOptions = {}): InvalidationTransport {
  const redis = connectFailFast(url, { commandTimeoutMs, name: 'invalidation publisher' });
  return {
    name: 'redis',
    async send(body) {
      await whenReady(redis, commandTimeoutMs);
      await redis.publish(channel, body);
    },
    async close() {
      redis.disconnect();
    },
  };
}

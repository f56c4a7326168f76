import { text, url, type ConfigOf, type Reader } from '../config.js';
import { readSharedSecret } from '../signing/shared-secret.js';
import { createHttpTransport } from './http-transport.js';
import { createTagPublisher, type TagPublisher } from './publisher.js';
import { createRedisTransport } from './redis-transport.js';

/** The variables a publisher of invalidations reads, to spread into a `readConfig` spec. */
export const INVALIDATION_SETTINGS = {
  /** Set: invalidations go to every gateway through Redis pub/sub. */
  REDIS_URL: redisUrl(),
  /** Without Redis, the one gateway that invalidations are posted to. */
  GATEWAY_URL: url('http://127.0.0.1:4000'),
  INVALIDATION_SECRET: text(''),
};

/** Redis when `REDIS_URL` is set; else a signed POST to `GATEWAY_URL` (its secret generated in development when unset). */
export async function publisherFromSettings(settings: ConfigOf<typeof INVALIDATION_SETTINGS>, development: boolean): Promise<TagPublisher> {
  if (settings.REDIS_URL) return createTagPublisher(createRedisTransport(settings.REDIS_URL));
  const secret = await readSharedSecret('INVALIDATION_SECRET', settings.INVALIDATION_SECRET, development);
  return createTagPublisher(createHttpTransport({ gatewayUrl: settings.GATEWAY_URL, secret }));
}

/** A `redis://` or `rediss://` URL, or '' when unset. */
function redisUrl(): Reader<string> {
  return (raw) => {
    if (raw === undefined || raw === '') return '';
    if (!/^rediss?:\/\/./.test(raw)) throw new Error(`must be a redis:// or rediss:// URL, got "${raw}"`);
    return raw;
  };
}

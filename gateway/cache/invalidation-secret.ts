import { readSharedSecret } from '../../lib/signing/shared-secret.js';
import type { GatewayConfig } from '../config.js';

/**
 * The secret of the signed invalidation route. Set, it is used (at least 32 characters). Unset: in
 * development one is generated once in `.data/invalidation-secret`, which the subgraphs of
 * `npm start` sign with too; in production it is required when the cache is on without Redis (the
 * route is then the only way invalidations arrive); in test, and with Redis, there is no route.
 */
export async function invalidationSecretFor({ cache, invalidationSecret, environment }: GatewayConfig): Promise<string | undefined> {
  const routeNeeded = cache !== null && !cache.redisUrl && environment !== 'test';
  if (!invalidationSecret && !routeNeeded) return undefined;
  return readSharedSecret('INVALIDATION_SECRET', invalidationSecret, environment === 'development');
}

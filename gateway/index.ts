import { serveGraphQL } from '../lib/service/graphql.js';
import { runUntilSignalled } from '../lib/service/run.js';
import { invalidationSecretFor } from './cache/invalidation-secret.js';
import { readGatewayConfig } from './config.js';
import { readTokenKeys } from './identity/keys.js';
import { OPERATION_LIMITS } from '../policies/limits.js';
import { loadPolicy } from './policy/load-policy.js';
import { createGateway } from './server.js';
import { loadSupergraph } from './supergraph.js';

void runUntilSignalled(async () => {
  const config = readGatewayConfig(process.argv.slice(2), process.env);
  const supergraph = loadSupergraph(config.supergraphPath, config.subgraphUrls);
  const keys = await readTokenKeys(process.env, config.environment);
  const invalidationSecret = await invalidationSecretFor(config);
  const gateway = createGateway({
    supergraph,
    keys,
    environment: config.environment,
    policy: await loadPolicy(config.policy),
    limits: config.limits ? OPERATION_LIMITS : null,
    healthTimeoutMs: config.healthTimeoutMs,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    cache: config.cache && {
      maxEntries: config.cache.maxEntries,
      maxBytes: config.cache.maxBytes,
      redis: config.cache.redisUrl ? { url: config.cache.redisUrl } : undefined,
      invalidationSecret,
    },
  });
  return [await serveGraphQL(gateway, { port: config.port, host: config.host })];
});

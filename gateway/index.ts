import { serveGraphQL } from '../lib/service/graphql.js';
import { auditedFieldsOf } from './audit/audited-fields.js';
import { openGatewayAudit } from './audit/open-audit.js';
import { runUntilSignalled } from '../lib/service/run.js';
import { invalidationSecretFor } from './cache/invalidation-secret.js';
import { readGatewayConfig } from './config.js';
import { internalCallSecretFor } from './identity/internal-call-secret.js';
import { readTokenKeys } from './identity/keys.js';
import { OPERATION_LIMITS } from '../policies/limits.js';
import { readMetricsConfig } from './metrics/config.js';
import { createGatewayMetrics } from './metrics/gateway-metrics.js';
import { serveMetrics } from './metrics/serve-metrics.js';
import { loadPolicy } from './policy/load-policy.js';
import { readResilienceConfig } from './resilience/config.js';
import { loadBoundOperations } from './operations/bind-operations.js';
import { createGateway } from './server.js';
import { loadSupergraph } from './supergraph.js';

void runUntilSignalled(async () => {
  const config = readGatewayConfig(process.argv.slice(2), process.env);
  const supergraph = loadSupergraph(config.supergraphPath, config.subgraphUrls);
  const keys = await readTokenKeys(process.env, config.environment);
  const invalidationSecret = await invalidationSecretFor(config);
  const metrics = createGatewayMetrics();
  const exposure = readMetricsConfig(process.env, config.environment);
  if (exposure.served === 'off') console.log(exposure.reason);
  const operations = await loadBoundOperations(supergraph.sdl);
  const gateway = createGateway({
    supergraph,
    keys,
    environment: config.environment,
    policy: await loadPolicy(config.policy),
    limits: config.limits ? OPERATION_LIMITS : null,
    healthTimeoutMs: config.healthTimeoutMs,
    internalCallSecret: await internalCallSecretFor(config),
    audit: await openGatewayAudit(auditedFieldsOf(supergraph.sdl), config.environment, process.env),
    resilience: readResilienceConfig(process.env, supergraph.subgraphs.map((subgraph) => subgraph.name)),
    metrics: { registry: metrics, publicRoute: exposure.served === 'public-listener' ? { token: exposure.token } : undefined },
    cache: config.cache && {
      maxEntries: config.cache.maxEntries,
      maxBytes: config.cache.maxBytes,
      softTimeoutMs: config.cache.softTimeoutMs,
      redis: config.cache.redisUrl ? { url: config.cache.redisUrl } : undefined,
      invalidationSecret,
    },
    mcp: config.mcp && { registry: operations, ...config.mcp },
    safelist: config.persistedOperations.length > 0 ? { registry: operations, enforcedFor: config.persistedOperations } : null,
    rateLimits: config.rateLimits ? { redis: config.redisUrl ? { url: config.redisUrl } : undefined } : null,
  });
  const servers = [await serveGraphQL(gateway, { port: config.port, host: config.host })];
  if (exposure.served === 'own-port') servers.push(await serveMetrics(metrics, exposure));
  return servers;
});

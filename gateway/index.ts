import { serveGraphQL } from '../lib/service/graphql.js';
import { runUntilSignalled } from '../lib/service/run.js';
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
  const gateway = createGateway({
    supergraph,
    keys,
    environment: config.environment,
    policy: await loadPolicy(config.policy),
    limits: config.limits ? OPERATION_LIMITS : null,
    healthTimeoutMs: config.healthTimeoutMs,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
  });
  return [await serveGraphQL(gateway, { port: config.port, host: config.host })];
});

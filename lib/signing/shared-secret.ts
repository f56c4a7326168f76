import { ConfigError } from '../config.js';
import { developmentSecret, developmentSecretFile, MINIMUM_SECRET_LENGTH } from './development-secret.js';

/**
 * The secrets signed deliveries are made with: vendor webhooks to subgraphs, invalidations to gateways,
 * and the orchestrator's calls of internal step mutations on domain subgraphs.
 */
export type SharedSecretName = 'WEBHOOK_SECRET' | 'INVALIDATION_SECRET' | 'INTERNAL_CALL_SECRET';

/**
 * A shared signing secret as configured (`configured`: the variable's value), at least 32 characters.
 * Unset, development uses one generated for this checkout in `.data/` (e.g. `.data/webhook-secret`),
 * the same for every process of `npm start`; production and test require it.
 */
export async function readSharedSecret(name: SharedSecretName, configured: string | undefined, development: boolean): Promise<string> {
  if (configured) {
    if (configured.length < MINIMUM_SECRET_LENGTH) throw new ConfigError([`${name} must be at least ${MINIMUM_SECRET_LENGTH} characters`]);
    return configured;
  }
  const file = developmentSecretFile(name.toLowerCase().replace(/_/g, '-'));
  if (development) return developmentSecret(file);
  throw new ConfigError([`${name} (at least ${MINIMUM_SECRET_LENGTH} characters) is required; with NODE_ENV=development one is generated in ${file}`]);
}

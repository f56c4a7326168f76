import { readSharedSecret } from '../../lib/signing/shared-secret.js';
import type { GatewayConfig } from '../config.js';

/**
 * The secret the principal forwarded to subgraphs is signed with, shared with them and the orchestrator.
 * Unset: generated in development (`.data/internal-call-secret`); elsewhere none is forwarded, and
 * subgraphs that act on a principal (the orchestrator's actions) refuse every caller as anonymous.
 */
export async function internalCallSecretFor({ internalCallSecret, environment }: GatewayConfig): Promise<string | undefined> {
  if (!internalCallSecret && environment !== 'development') return undefined;
  return readSharedSecret('INTERNAL_CALL_SECRET', internalCallSecret, environment === 'development');
}

import { text, type ConfigOf } from '../config.js';
import { INVALIDATION_SETTINGS, publisherFromSettings } from '../invalidation/publisher-settings.js';
import { readSharedSecret } from '../signing/shared-secret.js';
import { FRESHNESS_SETTINGS, staleWindows } from './freshness.js';
import type { SubgraphOptions } from './subgraph-service.js';
import type { VENDOR_SETTINGS } from './vendor-settings.js';

/** The variables of a subgraph that writes (it publishes invalidations), to spread into its `readConfig` spec. */
export const CACHING_SETTINGS = { ...FRESHNESS_SETTINGS, ...INVALIDATION_SETTINGS };

/** And of one whose vendors post webhooks to it. */
export const WEBHOOK_SETTINGS = { WEBHOOK_SECRET: text('') };

type Environment = Pick<ConfigOf<typeof VENDOR_SETTINGS>, 'NODE_ENV'>;

/** Its stale windows and its publisher. */
export async function cachingOptions(settings: ConfigOf<typeof CACHING_SETTINGS> & Environment): Promise<SubgraphOptions> {
  return {
    freshness: staleWindows(settings),
    invalidations: await publisherFromSettings(settings, settings.NODE_ENV === 'development'),
  };
}

/** And of one with internal step mutations the orchestrator calls. */
export const INTERNAL_CALL_SETTINGS = { INTERNAL_CALL_SECRET: text('') };

/** The secret the orchestrator signs step calls with; generated in development when unset. */
export function internalCallSecret(settings: ConfigOf<typeof INTERNAL_CALL_SETTINGS> & Environment): Promise<string> {
  return readSharedSecret('INTERNAL_CALL_SECRET', settings.INTERNAL_CALL_SECRET, settings.NODE_ENV === 'development');
}

/** The secret its vendors sign webhooks with; generated in development when unset. */
export function webhookSecret(settings: ConfigOf<typeof WEBHOOK_SETTINGS> & Environment): Promise<string> {
  return readSharedSecret('WEBHOOK_SECRET', settings.WEBHOOK_SECRET, settings.NODE_ENV === 'development');
}

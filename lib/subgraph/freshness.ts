import { nonNegativeInteger, type ConfigOf } from '../config.js';

/** How long past its max-age a cacheable answer may still be served (RFC 5861), in seconds. */
export interface StaleWindows {
  /** Served stale while one refresh runs in the background. */
  staleWhileRevalidateS: number;
  /** Served stale while the subgraph (or its vendor) fails. */
  staleIfErrorS: number;
}

export const DEFAULT_STALE_WINDOWS: StaleWindows = { staleWhileRevalidateS: 60, staleIfErrorS: 86_400 };

/** The variables a subgraph reads for its stale windows, to spread into its `readConfig` spec. */
export const FRESHNESS_SETTINGS = {
  CACHE_STALE_WHILE_REVALIDATE_S: nonNegativeInteger(DEFAULT_STALE_WINDOWS.staleWhileRevalidateS, 'seconds'),
  CACHE_STALE_IF_ERROR_S: nonNegativeInteger(DEFAULT_STALE_WINDOWS.staleIfErrorS, 'seconds'),
};

export function staleWindows(settings: ConfigOf<typeof FRESHNESS_SETTINGS>): StaleWindows {
  return { staleWhileRevalidateS: settings.CACHE_STALE_WHILE_REVALIDATE_S, staleIfErrorS: settings.CACHE_STALE_IF_ERROR_S };
}

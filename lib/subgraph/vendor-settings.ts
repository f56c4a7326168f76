import { positiveInteger, text, type ConfigOf } from '../config.js';
import type { VendorConnection } from './vendor-client.js';

/** The variables every subgraph reads for its vendors, to spread into its `readConfig` spec. */
export const VENDOR_SETTINGS = {
  VENDOR_TIMEOUT_MS: positiveInteger(5000),
  NODE_ENV: text('production'),
};

/** How to reach the vendor at `baseUrl` under those settings. Only NODE_ENV=development names vendor routes in errors. */
export function vendorConnection(settings: ConfigOf<typeof VENDOR_SETTINGS>, baseUrl: string): VendorConnection {
  const environment = settings.NODE_ENV === 'development' ? 'development' : 'production';
  return { baseUrl, timeoutMs: settings.VENDOR_TIMEOUT_MS, environment };
}

import { port, readConfig, text, url } from '../../lib/config.js';
import { serveGraphQL } from '../../lib/service/graphql.js';
import { runUntilSignalled } from '../../lib/service/run.js';
import { INTERNAL_CALL_SETTINGS, internalCallSecret } from '../../lib/subgraph/caching-settings.js';
import { VENDOR_SETTINGS, vendorConnection } from '../../lib/subgraph/vendor-settings.js';
import { createPaymentsSubgraph } from './server.js';
import { createStripeAdapter } from './stripe-adapter.js';

void runUntilSignalled(async () => {
  const config = readConfig({
    PORT: port(4006),
    HOST: text('127.0.0.1'),
    PAYMENTS_VENDOR_URL: url('http://127.0.0.1:4108'),
    ...VENDOR_SETTINGS,
    ...INTERNAL_CALL_SETTINGS,
  });
  const adapter = createStripeAdapter(vendorConnection(config, config.PAYMENTS_VENDOR_URL));
  // Nothing here is cached (payments are one customer's, and only internal mutations), so nothing is invalidated.
  const options = { internalCallSecret: await internalCallSecret(config) };
  return [await serveGraphQL(createPaymentsSubgraph(adapter, options), { port: config.PORT, host: config.HOST })];
});

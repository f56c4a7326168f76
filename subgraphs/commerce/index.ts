import { port, readConfig, text, url } from '../../lib/config.js';
import { serveGraphQL } from '../../lib/service/graphql.js';
import { runUntilSignalled } from '../../lib/service/run.js';
import {
  CACHING_SETTINGS,
  cachingOptions,
  INTERNAL_CALL_SETTINGS,
  internalCallSecret,
  WEBHOOK_SETTINGS,
  webhookSecret,
} from '../../lib/subgraph/caching-settings.js';
import { VENDOR_SETTINGS, vendorConnection } from '../../lib/subgraph/vendor-settings.js';
import { createCommercetoolsAdapter } from './commercetools-adapter.js';
import { createCommerceSubgraph } from './server.js';

void runUntilSignalled(async () => {
  const config = readConfig({
    PORT: port(4002),
    HOST: text('127.0.0.1'),
    COMMERCE_VENDOR_URL: url('http://127.0.0.1:4102'),
    ...VENDOR_SETTINGS,
    ...CACHING_SETTINGS,
    ...WEBHOOK_SETTINGS,
    ...INTERNAL_CALL_SETTINGS,
  });
  const adapter = createCommercetoolsAdapter(vendorConnection(config, config.COMMERCE_VENDOR_URL));
  const options = {
    ...(await cachingOptions(config)),
    webhookSecret: await webhookSecret(config),
    internalCallSecret: await internalCallSecret(config),
  };
  return [await serveGraphQL(createCommerceSubgraph(adapter, options), { port: config.PORT, host: config.HOST })];
});

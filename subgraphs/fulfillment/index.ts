import { port, readConfig, text, url } from '../../lib/config.js';
import { serveGraphQL } from '../../lib/service/graphql.js';
import { runUntilSignalled } from '../../lib/service/run.js';
import { CACHING_SETTINGS, cachingOptions, INTERNAL_CALL_SETTINGS, internalCallSecret } from '../../lib/subgraph/caching-settings.js';
import { VENDOR_SETTINGS, vendorConnection } from '../../lib/subgraph/vendor-settings.js';
import { createFulfillmentSubgraph } from './server.js';
import { createWmsHttpAdapter } from './wms-http-adapter.js';

void runUntilSignalled(async () => {
  const config = readConfig({
    PORT: port(4005),
    HOST: text('127.0.0.1'),
    WMS_VENDOR_URL: url('http://127.0.0.1:4107'),
    ...VENDOR_SETTINGS,
    ...CACHING_SETTINGS,
    ...INTERNAL_CALL_SETTINGS,
  });
  const adapter = createWmsHttpAdapter(vendorConnection(config, config.WMS_VENDOR_URL));
  const options = { ...(await cachingOptions(config)), internalCallSecret: await internalCallSecret(config) };
  return [await serveGraphQL(createFulfillmentSubgraph(adapter, options), { port: config.PORT, host: config.HOST })];
});

import { port, readConfig, text, url } from '../../lib/config.js';
import { serveGraphQL } from '../../lib/service/graphql.js';
import { runUntilSignalled } from '../../lib/service/run.js';
import { CACHING_SETTINGS, cachingOptions, INTERNAL_CALL_SETTINGS, internalCallSecret } from '../../lib/subgraph/caching-settings.js';
import { VENDOR_SETTINGS, vendorConnection } from '../../lib/subgraph/vendor-settings.js';
import { createSalesforceAdapter } from './salesforce-adapter.js';
import { createCrmSubgraph } from './server.js';

void runUntilSignalled(async () => {
  const config = readConfig({
    PORT: port(4004),
    HOST: text('127.0.0.1'),
    CRM_VENDOR_URL: url('http://127.0.0.1:4106'),
    ...VENDOR_SETTINGS,
    ...CACHING_SETTINGS,
    ...INTERNAL_CALL_SETTINGS,
  });
  const adapter = createSalesforceAdapter(vendorConnection(config, config.CRM_VENDOR_URL));
  const options = { ...(await cachingOptions(config)), internalCallSecret: await internalCallSecret(config) };
  return [await serveGraphQL(createCrmSubgraph(adapter, options), { port: config.PORT, host: config.HOST })];
});

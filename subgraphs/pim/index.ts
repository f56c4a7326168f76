import { port, readConfig, text, url } from '../../lib/config.js';
import { serveGraphQL } from '../../lib/service/graphql.js';
import { runUntilSignalled } from '../../lib/service/run.js';
import { FRESHNESS_SETTINGS, staleWindows } from '../../lib/subgraph/freshness.js';
import { VENDOR_SETTINGS, vendorConnection } from '../../lib/subgraph/vendor-settings.js';
import { createPimHttpAdapter } from './pim-http-adapter.js';
import { createPimSubgraph } from './server.js';

void runUntilSignalled(async () => {
  const config = readConfig({
    PORT: port(4001),
    HOST: text('127.0.0.1'),
    PIM_VENDOR_URL: url('http://127.0.0.1:4101'),
    ...VENDOR_SETTINGS,
    ...FRESHNESS_SETTINGS,
  });
  const adapter = createPimHttpAdapter(vendorConnection(config, config.PIM_VENDOR_URL));
  return [await serveGraphQL(createPimSubgraph(adapter, { freshness: staleWindows(config) }), { port: config.PORT, host: config.HOST })];
});

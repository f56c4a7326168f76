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
import { createCompositeInventoryAdapter } from './composite-adapter.js';
import { createDropshipAdapter } from './dropship-adapter.js';
import { createInventorySubgraph } from './server.js';
import { createStorePosAdapter } from './store-pos-adapter.js';
import { createWarehouseAdapter } from './warehouse-adapter.js';

void runUntilSignalled(async () => {
  const config = readConfig({
    PORT: port(4003),
    HOST: text('127.0.0.1'),
    WAREHOUSE_VENDOR_URL: url('http://127.0.0.1:4103'),
    STORE_POS_VENDOR_URL: url('http://127.0.0.1:4104'),
    DROPSHIP_VENDOR_URL: url('http://127.0.0.1:4105'),
    ...VENDOR_SETTINGS,
    ...CACHING_SETTINGS,
    ...WEBHOOK_SETTINGS,
    ...INTERNAL_CALL_SETTINGS,
  });
  const adapter = createCompositeInventoryAdapter([
    createWarehouseAdapter(vendorConnection(config, config.WAREHOUSE_VENDOR_URL)),
    createStorePosAdapter(vendorConnection(config, config.STORE_POS_VENDOR_URL)),
    createDropshipAdapter(vendorConnection(config, config.DROPSHIP_VENDOR_URL)),
  ]);
  const options = {
    ...(await cachingOptions(config)),
    webhookSecret: await webhookSecret(config),
    internalCallSecret: await internalCallSecret(config),
  };
  return [await serveGraphQL(createInventorySubgraph(adapter, options), { port: config.PORT, host: config.HOST })];
});

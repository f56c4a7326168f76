import { port, positiveInteger, readConfig, text, url } from '../../lib/config.js';
import { serveGraphQL } from '../../lib/service/graphql.js';
import { runUntilSignalled } from '../../lib/service/run.js';
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
    VENDOR_TIMEOUT_MS: positiveInteger(5000),
  });
  const timeoutMs = config.VENDOR_TIMEOUT_MS;
  const adapter = createCompositeInventoryAdapter([
    createWarehouseAdapter({ baseUrl: config.WAREHOUSE_VENDOR_URL, timeoutMs }),
    createStorePosAdapter({ baseUrl: config.STORE_POS_VENDOR_URL, timeoutMs }),
    createDropshipAdapter({ baseUrl: config.DROPSHIP_VENDOR_URL, timeoutMs }),
  ]);
  return [await serveGraphQL(createInventorySubgraph(adapter), { port: config.PORT, host: config.HOST })];
});

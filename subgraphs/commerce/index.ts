import { port, positiveInteger, readConfig, text, url } from '../../lib/config.js';
import { serveGraphQL } from '../../lib/service/graphql.js';
import { runUntilSignalled } from '../../lib/service/run.js';
import { createCommercetoolsAdapter } from './commercetools-adapter.js';
import { createCommerceSubgraph } from './server.js';

void runUntilSignalled(async () => {
  const config = readConfig({
    PORT: port(4002),
    HOST: text('127.0.0.1'),
    COMMERCE_VENDOR_URL: url('http://127.0.0.1:4102'),
    VENDOR_TIMEOUT_MS: positiveInteger(5000),
  });
  const adapter = createCommercetoolsAdapter({ baseUrl: config.COMMERCE_VENDOR_URL, timeoutMs: config.VENDOR_TIMEOUT_MS });
  return [await serveGraphQL(createCommerceSubgraph(adapter), { port: config.PORT, host: config.HOST })];
});

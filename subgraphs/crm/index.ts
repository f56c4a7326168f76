import { port, positiveInteger, readConfig, text, url } from '../../lib/config.js';
import { serveGraphQL } from '../../lib/service/graphql.js';
import { runUntilSignalled } from '../../lib/service/run.js';
import { createSalesforceAdapter } from './salesforce-adapter.js';
import { createCrmSubgraph } from './server.js';

void runUntilSignalled(async () => {
  const config = readConfig({
    PORT: port(4004),
    HOST: text('127.0.0.1'),
    CRM_VENDOR_URL: url('http://127.0.0.1:4106'),
    VENDOR_TIMEOUT_MS: positiveInteger(5000),
  });
  const adapter = createSalesforceAdapter({ baseUrl: config.CRM_VENDOR_URL, timeoutMs: config.VENDOR_TIMEOUT_MS });
  return [await serveGraphQL(createCrmSubgraph(adapter), { port: config.PORT, host: config.HOST })];
});

import { port, positiveInteger, readConfig, text, url } from '../../lib/config.js';
import { serveGraphQL } from '../../lib/service/graphql.js';
import { runUntilSignalled } from '../../lib/service/run.js';
import { createPimHttpAdapter } from './pim-http-adapter.js';
import { createPimSubgraph } from './server.js';

void runUntilSignalled(async () => {
  const config = readConfig({
    PORT: port(4001),
    HOST: text('127.0.0.1'),
    PIM_VENDOR_URL: url('http://127.0.0.1:4101'),
    VENDOR_TIMEOUT_MS: positiveInteger(5000),
  });
  const adapter = createPimHttpAdapter({ baseUrl: config.PIM_VENDOR_URL, timeoutMs: config.VENDOR_TIMEOUT_MS });
  return [await serveGraphQL(createPimSubgraph(adapter), { port: config.PORT, host: config.HOST })];
});

import { createServer } from 'node:http';

/**
 * Where the bench's subgraphs post their cache invalidations (`GATEWAY_URL`): a listener in the bench
 * that reads each and answers 204. Without it they would post to `npm start`'s gateway, or fail and
 * log, on every order. The subgraphs' cost of publishing is measured; no gateway's of receiving, so
 * the gateways compared side by side do the same work.
 */
export async function startInvalidationSink(port: number): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    request.resume().on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  server.unref();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

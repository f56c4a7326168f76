import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server that is listening, with the URL it answers on and a way to stop it. */
export interface RunningServer {
  readonly name: string;
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export interface ListenOptions {
  name: string;
  /** 0 picks a free port (tests). */
  port: number;
  host?: string;
  /** Runs after the HTTP server has stopped accepting connections. */
  onClose?: () => Promise<void>;
}

export async function listen(handler: RequestListener, options: ListenOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    name: options.name,
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        // Keep-alive clients would hold the server open; in-flight requests had their chance.
        setTimeout(() => server.closeAllConnections(), 2_000).unref();
        await stopped;
        await options.onClose?.();
      })();
      return closing;
    },
  };
}

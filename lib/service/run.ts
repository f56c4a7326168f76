import { ConfigError } from '../config.js';
import type { RunningServer } from './listen.js';

/**
 * The body of every `index.ts`: start the servers, print where they listen,
 * stop them cleanly on SIGINT/SIGTERM, and turn a bad configuration into one readable message.
 */
export async function runUntilSignalled(start: () => Promise<RunningServer[]>): Promise<void> {
  let servers: RunningServer[];
  try {
    servers = await start();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`${(error as Error).message}: another process listens there (set PORT to move this one)`);
      process.exit(1);
    }
    throw error;
  }
  for (const server of servers) console.log(`${server.name} listening on ${server.url}`);

  const stop = async (signal: NodeJS.Signals) => {
    console.log(`${signal}: stopping ${servers.map((s) => s.name).join(', ')}`);
    await Promise.all(servers.map((server) => server.close()));
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

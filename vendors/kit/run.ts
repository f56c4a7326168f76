import type { Express } from 'express';
import { port, readConfig, text, url, type Reader } from '../../lib/config.js';
import { listen } from '../../lib/service/listen.js';
import { runUntilSignalled } from '../../lib/service/run.js';
import { readSharedSecret } from '../../lib/signing/shared-secret.js';
import { seedData, type SeedData } from '../seed/index.js';
import { webhooksTo, type Webhooks } from './webhooks.js';

/**
 * The whole `index.ts` of a vendor simulator: seed data in, HTTP server out, on `PORT`. A simulator
 * whose data changes posts its events to `WEBHOOK_URL` when that is set, signed with `WEBHOOK_SECRET`
 * (generated in `.data/` in development when unset).
 */
export function runSimulator(name: string, defaultPort: number, create: (data: SeedData, webhooks: Webhooks) => Express): void {
  void runUntilSignalled(async () => {
    const config = readConfig({
      PORT: port(defaultPort),
      HOST: text('127.0.0.1'),
      WEBHOOK_URL: unlessUnset(url()),
      WEBHOOK_SECRET: text(''),
      NODE_ENV: text('production'),
    });
    const development = config.NODE_ENV === 'development';
    const target = config.WEBHOOK_URL ? { url: config.WEBHOOK_URL, secret: await readSharedSecret('WEBHOOK_SECRET', config.WEBHOOK_SECRET, development) } : null;
    return [await listen(create(seedData(), webhooksTo(target)), { name, port: config.PORT, host: config.HOST })];
  });
}

/** `read`, or '' when the variable is unset. */
function unlessUnset(read: Reader<string>): Reader<string> {
  return (raw) => (raw === undefined || raw === '' ? '' : read(raw));
}

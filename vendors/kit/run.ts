import type { Express } from 'express';
import { port, readConfig, text } from '../../lib/config.js';
import { listen } from '../../lib/service/listen.js';
import { runUntilSignalled } from '../../lib/service/run.js';
import { seedData, type SeedData } from '../seed/index.js';

/** The whole `index.ts` of a vendor simulator: seed data in, HTTP server out, on `PORT`. */
export function runSimulator(name: string, defaultPort: number, create: (data: SeedData) => Express): void {
  void runUntilSignalled(async () => {
    const config = readConfig({ PORT: port(defaultPort), HOST: text('127.0.0.1') });
    return [await listen(create(seedData()), { name, port: config.PORT, host: config.HOST })];
  });
}

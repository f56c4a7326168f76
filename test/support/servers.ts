import type { BaseContext } from '@apollo/server';
import type { Express } from 'express';
import { afterAll } from 'vitest';
import { serveGraphQL, type GraphQLService } from '../../lib/service/graphql.js';
import { listen, type RunningServer } from '../../lib/service/listen.js';
import { simulatorAdmin, type SimulatorAdmin } from '../../vendors/kit/admin-client.js';
import { seedData, type SeedData } from '../../vendors/seed/index.js';

/** Servers a test file started; `afterAll` stops them. */
const started: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

function track(server: RunningServer): RunningServer {
  started.push(server);
  return server;
}

export interface StartedSimulator extends RunningServer {
  admin: SimulatorAdmin;
}

/** Starts a vendor simulator on a free port, on the shared seed data. */
export async function startSimulator(name: string, create: (data: SeedData) => Express): Promise<StartedSimulator> {
  const server = track(await listen(create(seedData()), { name, port: 0 }));
  return Object.assign(server, { admin: simulatorAdmin(server.url) });
}

/** Starts a subgraph (or any GraphQL service) on a free port. */
export async function startGraphQL<C extends BaseContext>(service: GraphQLService<C>): Promise<RunningServer> {
  return track(await serveGraphQL(service, { port: 0 }));
}

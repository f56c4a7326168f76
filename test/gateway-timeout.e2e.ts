import { createServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESILIENCE_DEFAULTS } from '../gateway/resilience/config.js';
import { createGateway } from '../gateway/server.js';
import type { RunningServer } from '../lib/service/listen.js';
import { startForeignSupergraph, type ForeignSupergraph } from './fixtures/foreign-supergraph.js';
import { graphql } from './support/graphql.js';
import { startGraphQL } from './support/servers.js';
import { testTokenKeys } from './support/tokens.js';

/** A subgraph that accepts the connection and never answers must not hold the request. */
describe('a hung subgraph', () => {
  const sockets: Socket[] = [];
  const hung = createServer((socket) => void sockets.push(socket));
  let foreign: ForeignSupergraph;
  let gateway: RunningServer;

  beforeAll(async () => {
    foreign = await startForeignSupergraph();
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const { port } = hung.address() as { port: number };
    gateway = await startGraphQL(
      createGateway({
        supergraph: {
          sdl: foreign.supergraphSdl,
          subgraphs: [
            { name: 'accounts', url: `${foreign.servers[0]!.url}/graphql` },
            { name: 'reviews', url: `http://127.0.0.1:${port}/graphql` },
          ],
        },
        environment: 'test',
        keys: await testTokenKeys(),
        policy: null,
        resilience: { defaults: { ...RESILIENCE_DEFAULTS, timeoutMs: 300 }, subgraphs: {} },
      }),
    );
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.destroy());
    hung.close();
    await Promise.all(foreign.servers.map((server) => server.close()));
  });

  it('answers with an error at its path after the timeout, and the rest of the answer', async () => {
    const { status, data, errors } = await graphql(gateway.url, '{ me { name reviews { body } } }');
    expect(status).toBe(200);
    expect(sockets.length).toBeGreaterThan(0);
    // User.reviews is non-null: its error nulls `me`, as plain @apollo/gateway propagates it.
    expect(data).toEqual({ me: null });
    expect(errors).toEqual([
      {
        message: 'Subgraph "reviews" is unavailable: no answer within 300 ms',
        path: ['me'],
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'reviews' },
      },
    ]);
  });

  it('keeps the data of the subgraphs that answered', async () => {
    const { data, errors } = await graphql(gateway.url, '{ me { name } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ me: { name: 'Ada' } });
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOREIGN_OPERATIONS, startForeignSupergraph, type ForeignSupergraph } from './fixtures/foreign-supergraph.js';
import { waitForHealth } from '../scripts/processes.js';
import { freePort, runTs, type TsProcess } from './support/process.js';

/** The gateway as a command, on a supergraph that is not ours, compared with plain @apollo/gateway. */
describe('the gateway alone, on any supergraph', () => {
  let foreign: ForeignSupergraph;
  let supergraphFile: string;
  let gateway: TsProcess;
  let gatewayUrl: string;
  let plain: ApolloServer;
  let plainUrl: string;

  beforeAll(async () => {
    foreign = await startForeignSupergraph();
    supergraphFile = join(mkdtempSync(join(tmpdir(), 'supergraph-')), 'foreign.graphql');
    writeFileSync(supergraphFile, foreign.supergraphSdl);

    const port = await freePort();
    gateway = runTs('gateway/index.ts', ['--supergraph', supergraphFile, '--port', String(port)]);
    gatewayUrl = `http://127.0.0.1:${port}`;

    plain = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: foreign.supergraphSdl }) });
    plainUrl = (await startStandaloneServer(plain, { listen: { port: 0, host: '127.0.0.1' } })).url;
    await waitForHealth(gatewayUrl, 30_000);
  });

  afterAll(async () => {
    gateway?.child.kill('SIGKILL');
    await plain?.stop();
    await Promise.all(foreign?.servers.map((server) => server.close()) ?? []);
  });

  it('reports each subgraph of that supergraph on GET /health', async () => {
    const health = (await (await fetch(`${gatewayUrl}/health`)).json()) as Record<string, any>;
    expect(health.ok).toBe(true);
    expect(health.status).toBe('pass');
    expect(Object.keys(health.subgraphs).sort()).toEqual(['accounts', 'reviews']);
    expect(health.subgraphs.accounts.reachable).toBe(true);
  });

  it.each(FOREIGN_OPERATIONS)('answers $query exactly as plain @apollo/gateway', async (operation) => {
    const [ours, theirs] = await Promise.all(
      [`${gatewayUrl}/graphql`, plainUrl].map(async (url) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(operation),
        });
        return { status: response.status, body: await response.json() };
      }),
    );
    expect(ours).toEqual(theirs);
  });

  it('stops cleanly on SIGTERM', async () => {
    gateway.child.kill('SIGTERM');
    expect(await gateway.exited).toBe(0);
  });

  it('refuses a bad port with a clear message', async () => {
    const bad = runTs('gateway/index.ts', ['--supergraph', supergraphFile, '--port', 'eighty']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('PORT must be a port number');
  });

  it('refuses a supergraph file that does not exist', async () => {
    const bad = runTs('gateway/index.ts', ['--supergraph', '/nonexistent/supergraph.graphql', '--port', '0']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('cannot be read');
  });
});

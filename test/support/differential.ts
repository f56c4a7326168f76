import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGateway, type GatewayOptions } from '../../gateway/server.js';
import { loadSupergraph } from '../../gateway/supergraph.js';
import { serveGraphQL } from '../../lib/service/graphql.js';
import { waitForHealth } from '../../scripts/processes.js';
import { ALLOWED_DIFFERENCES } from './differential-allowances.js';
import { compareAnswers, post, type Comparison, type Operation } from './differential-compare.js';
import { freePort, runTs, type TsProcess } from './process.js';
import { TEST_TOKEN_ENV, testTokenKeys } from './tokens.js';

/**
 * Differential testing: the same POST to our gateway and to plain `@apollo/gateway` in Apollo Server,
 * over the same subgraphs, must get the same HTTP status and JSON body, except for ALLOWED_DIFFERENCES
 * (differential-allowances.ts), each of which reports itself when it applies.
 */
export interface Differential<Ours extends Endpoint = Endpoint> {
  ours: Ours;
  theirs: Endpoint;
  supergraph: SupergraphSource;
  compare(operation: Operation, options?: { headers?: Record<string, string> }): Promise<Comparison>;
  close(): Promise<void>;
}

/** Where a gateway answers GraphQL POSTs, and how to stop it. */
export type Endpoint = { url: string; close(): Promise<void> };

/** The supergraph both serve: its SDL, that SDL as a file (for `--supergraph`), and the URL overrides. */
export type SupergraphSource = { sdl: string; file: string; subgraphUrls: Record<string, string> };

/** Starts our gateway on a supergraph, with whatever layers and options the caller wants on. */
export type StartOurs<Ours extends Endpoint = Endpoint> = (supergraph: SupergraphSource) => Promise<Ours>;

export interface DifferentialOptions<Ours extends Endpoint> {
  supergraphSdl: string;
  /** Subgraph URLs replacing those of the SDL, for both gateways, by lower-case subgraph name. */
  subgraphUrls?: Record<string, string>;
  ours: StartOurs<Ours>;
}

export async function startDifferential<Ours extends Endpoint>(options: DifferentialOptions<Ours>): Promise<Differential<Ours>> {
  const file = join(mkdtempSync(join(tmpdir(), 'differential-')), 'supergraph.graphql');
  writeFileSync(file, options.supergraphSdl);
  const supergraph = { sdl: options.supergraphSdl, file, subgraphUrls: options.subgraphUrls ?? {} };
  const { subgraphs } = loadSupergraph(file, supergraph.subgraphUrls);
  const theirs = await plainGateway(supergraph);
  const ours = await options.ours(supergraph).catch(async (error: unknown) => {
    await theirs.close();
    throw error;
  });
  return {
    ours,
    theirs,
    supergraph,
    compare: async (operation, { headers = {} } = {}) => {
      const [oursAnswer, theirsAnswer] = await Promise.all([post(ours.url, operation, headers), post(theirs.url, operation, headers)]);
      return compareAnswers(oursAnswer, theirsAnswer, { subgraphs, headers }, ALLOWED_DIFFERENCES);
    },
    close: async () => void (await Promise.all([ours.close(), theirs.close()])),
  };
}

/**
 * The reference: Apollo Server's defaults around `ApolloGateway`. Under vitest (NODE_ENV=test) those
 * defaults match our `test` environment: introspection on, no stack traces in errors.
 */
async function plainGateway({ sdl, subgraphUrls }: SupergraphSource): Promise<Endpoint> {
  const gateway = new ApolloGateway({
    supergraphSdl: sdl,
    buildService: ({ name, url }) => new RemoteGraphQLDataSource({ url: subgraphUrls[name.toLowerCase()] ?? url }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, close: () => server.stop() };
}

/**
 * Our gateway in this process, access policy off; `options` add or replace any gateway option.
 * It verifies tokens with this test process's random secret, so `authAs` headers are valid there.
 */
export function inProcessGateway(options: Partial<GatewayOptions> = {}): StartOurs {
  return async ({ file, subgraphUrls }) => {
    const keys = await testTokenKeys();
    const gateway = createGateway({ supergraph: loadSupergraph(file, subgraphUrls), environment: 'test', keys, policy: null, ...options });
    const server = await serveGraphQL(gateway, { port: 0 });
    return { url: `${server.url}/graphql`, close: () => server.close() };
  };
}

/** Our gateway as its own process, and that process (to signal it, or read its output and exit code). */
export type ProcessEndpoint = Endpoint & { process: TsProcess };

/**
 * Our gateway as its own process (`npm run gateway`), access policy off unless `args` say otherwise.
 * It gets this test process's token secret, so `authAs` headers are valid there too.
 */
export function gatewayProcess({ args = ['--policy', 'off'], env = {} }: { args?: string[]; env?: NodeJS.ProcessEnv } = {}): StartOurs<ProcessEndpoint> {
  return async ({ file, subgraphUrls }) => {
    const port = await freePort();
    const urls = Object.entries(subgraphUrls).map(([name, url]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, url]);
    const gateway = runTs('gateway/index.ts', ['--supergraph', file, '--port', String(port), ...args], {
      NODE_ENV: 'test',
      ...TEST_TOKEN_ENV,
      ...Object.fromEntries(urls),
      ...env,
    });
    let exited = false;
    void gateway.exited.then(() => (exited = true));
    await waitForHealth(`http://127.0.0.1:${port}`, 30_000, () => {
      if (exited) throw new Error(`the gateway exited during start-up:\n${gateway.output()}`);
    });
    const close = async () => {
      if (!exited) gateway.child.kill('SIGTERM');
      await gateway.exited;
    };
    return { url: `http://127.0.0.1:${port}/graphql`, close, process: gateway };
  };
}

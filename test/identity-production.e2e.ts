import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomSecret } from '../gateway/identity/development-secret.js';
import { readTokenKeys } from '../gateway/identity/keys.js';
import { mintToken } from '../gateway/identity/mint.js';
import { waitForHealth } from '../scripts/processes.js';
import { startForeignSupergraph, type ForeignSupergraph } from './fixtures/foreign-supergraph.js';
import { graphql } from './support/graphql.js';
import { freePort, runTs, type TsProcess } from './support/process.js';

/**
 * A deployment that forgets NODE_ENV runs as production: only the configured key is accepted and
 * errors carry no stack traces. (vitest sets NODE_ENV=test, and the gateway process would inherit it.)
 */
describe('the gateway started without NODE_ENV', () => {
  /** The secret that used to be published in `gateway/identity/keys.ts`; no gateway may ever accept it again. */
  const THE_SECRET_THAT_USED_TO_BE_PUBLISHED = 'dev-only-secret-never-use-in-production-0123456789';
  const projectRoot = fileURLToPath(new URL('../', import.meta.url));
  // Production with the cache on and no Redis also needs the secret that signs invalidations.
  const configured = { AUTH_JWT_SECRET: randomSecret(), INVALIDATION_SECRET: randomSecret() };
  const withoutNodeEnv = { NODE_ENV: undefined, AUTH_JWT_PUBLIC_KEY: undefined };
  let foreign: ForeignSupergraph;
  /** `policies/` is not written for this supergraph: the gateway runs it without access control. */
  let onForeignSupergraph: string[];
  let gatewayUrl: string;
  const gateways: TsProcess[] = [];
  const startGateway = (args: string[], env: NodeJS.ProcessEnv) => {
    const gateway = runTs('gateway/index.ts', [...onForeignSupergraph, ...args], { ...withoutNodeEnv, ...env });
    gateways.push(gateway);
    return gateway;
  };

  const ask = async (query: string, secret: string) => {
    const token = await mintToken({ kind: 'staff', id: 'ops-1', roles: ['service'] }, await readTokenKeys({ AUTH_JWT_SECRET: secret }));
    return graphql(gatewayUrl, query, undefined, { authorization: `Bearer ${token}` });
  };

  beforeAll(async () => {
    foreign = await startForeignSupergraph();
    const supergraphFile = join(mkdtempSync(join(tmpdir(), 'supergraph-')), 'foreign.graphql');
    writeFileSync(supergraphFile, foreign.supergraphSdl);
    onForeignSupergraph = ['--supergraph', supergraphFile, '--policy', 'off'];
    const port = await freePort();
    startGateway(['--port', String(port)], configured);
    gatewayUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(gatewayUrl, 30_000);
  });

  afterAll(async () => {
    gateways.forEach((gateway) => gateway.child.kill('SIGKILL'));
    await Promise.all(foreign?.servers.map((server) => server.close()) ?? []);
  });

  it('rejects a token signed with the secret that used to be published', async () => {
    const response = await ask('{ me { name } }', THE_SECRET_THAT_USED_TO_BE_PUBLISHED);
    expect(response.status).toBe(401);
    expect(response.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('accepts a token signed with the configured secret', async () => {
    const response = await ask('{ me { name } }', configured.AUTH_JWT_SECRET);
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ me: { name: 'Ada' } });
  });

  it.each([
    ['a subgraph resolver that throws', '{ boom me { name } }'],
    ['a document that does not parse', '{ me { name }'],
  ])('answers %s without stack traces or absolute paths', async (_name, query) => {
    const response = await ask(query, configured.AUTH_JWT_SECRET);
    expect(response.errors!.length).toBeGreaterThan(0);
    for (const error of response.errors!) expect(error.extensions).not.toHaveProperty('stacktrace');
    const body = JSON.stringify(response);
    expect(body).not.toContain(projectRoot);
    expect(body).not.toContain('node_modules');
    expect(body).not.toMatch(/["'(\s]\/[\w.-]+\/[\w.-]+/);
  });

  it('refuses to start without a configured key, naming AUTH_JWT_SECRET', async () => {
    const keyless = startGateway(['--port', '0'], { AUTH_JWT_SECRET: undefined });
    expect(await keyless.exited).toBe(2);
    expect(keyless.output()).toContain('AUTH_JWT_SECRET');
    expect(keyless.output()).toContain('required in production');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliased, nested } from './fixtures/foreign/start.js';
import { startForeignSupergraph, type ForeignSupergraph } from './fixtures/foreign-supergraph.js';
import { waitForHealth } from '../scripts/processes.js';
import { gatewayProcess, startDifferential, type Differential, type ProcessEndpoint } from './support/differential.js';
import { expectPlainAnswer, type DifferentialCase } from './support/differential-case.js';
import { graphql } from './support/graphql.js';
import { freePort, runTs } from './support/process.js';
import { TEST_TOKEN_ENV } from './support/tokens.js';

/** Operations on the foreign supergraph (`accounts` and `reviews` on `User`), and how plain answers them. */
const FOREIGN_CASES: DifferentialCase[] = [
  { name: 'an entity across both subgraphs', operation: { query: '{ me { id name reviews { body stars } } }' }, plain: { status: 200, codes: [] } },
  {
    name: 'a root field of the other subgraph, joined back',
    operation: { query: '{ topReviews(first: 3) { body author { name email reviews { id } } } }' },
    plain: { status: 200, codes: [] },
  },
  { name: 'a variable', operation: { query: 'query ($id: ID!) { user(id: $id) { name } }', variables: { id: 'u2' } }, plain: { status: 200, codes: [] } },
  { name: 'a user that does not exist', operation: { query: 'query ($id: ID!) { user(id: $id) { name } }', variables: { id: 'nobody' } }, plain: { status: 200, codes: [] } },
  {
    name: 'aliases and a fragment',
    operation: { query: '{ a: me { name } b: users { ...U } } fragment U on User { id reviews { id } }' },
    plain: { status: 200, codes: [] },
  },
  { name: 'a resolver error beside a field that resolves', operation: { query: '{ boom me { name } }' }, plain: { status: 200, codes: ['INTERNAL_SERVER_ERROR'] } },
  { name: 'a field the type does not have', operation: { query: '{ me { nope } }' }, plain: { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] } },
  { name: 'a syntax error', operation: { query: '{ me { name }' }, plain: { status: 400, codes: ['GRAPHQL_PARSE_FAILED'] } },
  { name: 'a missing variable', operation: { query: 'query ($id: ID!) { user(id: $id) { name } }' }, plain: { status: 400, codes: ['BAD_USER_INPUT'] } },
  { name: 'introspection', operation: { query: '{ __schema { queryType { name } } }' }, plain: { status: 200, codes: [] } },
  {
    name: 'deeper than an anonymous caller may go',
    operation: { query: `{ me { ${nested(5, ['reviews', 'author'], 'name')} } }` },
    plain: { status: 200, codes: [] },
    allowed: ['operation-limits'],
  },
  {
    name: 'more aliases than an anonymous caller may send',
    operation: { query: aliased(25, 'user(id: "u1") { name }') },
    plain: { status: 200, codes: [] },
    allowed: ['operation-limits'],
  },
];

/** The gateway as a command, on a supergraph that is not ours, compared with plain @apollo/gateway. */
describe('the gateway alone, on any supergraph', () => {
  let foreign: ForeignSupergraph;
  let differential: Differential<ProcessEndpoint>;
  let supergraphFile: string;

  beforeAll(async () => {
    foreign = await startForeignSupergraph();
    differential = await startDifferential({ supergraphSdl: foreign.supergraphSdl, ours: gatewayProcess() });
    supergraphFile = differential.supergraph.file;
  });

  afterAll(async () => {
    await differential?.close();
    await Promise.all(foreign?.servers.map((server) => server.close()) ?? []);
  });

  it('reports each subgraph of that supergraph on GET /health', async () => {
    const health = (await (await fetch(new URL('/health', differential.ours.url))).json()) as Record<string, any>;
    expect(health.ok).toBe(true);
    expect(health.status).toBe('pass');
    expect(Object.keys(health.subgraphs).sort()).toEqual(['accounts', 'reviews']);
    expect(health.subgraphs.accounts.reachable).toBe(true);
  });

  for (const testCase of FOREIGN_CASES) it(`answers ${testCase.name} as plain @apollo/gateway`, () => expectPlainAnswer(differential, testCase));

  it('stops cleanly on SIGTERM', async () => {
    const { process } = differential.ours;
    process.child.kill('SIGTERM');
    expect(await process.exited).toBe(0);
  });

  it('refuses to start with the product\'s policy, which was not written for this supergraph', async () => {
    const refused = runTs('gateway/index.ts', ['--supergraph', supergraphFile, '--port', '0'], TEST_TOKEN_ENV);
    expect(await refused.exited).toBe(2);
    expect(refused.output()).toContain('the access policy was not written for this supergraph');
    expect(refused.output()).toContain('rules name type Product, which the supergraph does not have');
    expect(refused.output()).toContain('--policy off');
  });

  it('enforces a policy of the operator\'s own, given as a module', async () => {
    const port = await freePort();
    const own = runTs('gateway/index.ts', ['--supergraph', supergraphFile, '--port', String(port), '--policy', 'test/fixtures/foreign-policy.ts'], TEST_TOKEN_ENV);
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, 30_000);
      const { data, errors } = await graphql(`http://127.0.0.1:${port}`, '{ users { name email } }');
      expect(data).toEqual({ users: [{ name: 'Ada', email: null }, { name: 'Grace', email: null }] });
      expect(errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    } finally {
      own.child.kill('SIGKILL');
    }
  });

  it('refuses a bad port with a clear message', async () => {
    const bad = runTs('gateway/index.ts', ['--supergraph', supergraphFile, '--port', 'eighty'], TEST_TOKEN_ENV);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('PORT must be a port number');
  });

  it('refuses a supergraph file that does not exist', async () => {
    const bad = runTs('gateway/index.ts', ['--supergraph', '/nonexistent/supergraph.graphql', '--port', '0'], TEST_TOKEN_ENV);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('cannot be read');
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../gateway/server.js';
import type { RunningServer } from '../lib/service/listen.js';
import type { Principal } from '../policies/principal.js';
import { guardedPolicy, startGuardedSupergraph, type GuardedSupergraph } from './fixtures/guarded-supergraph.js';
import { graphql } from './support/graphql.js';
import { startGraphQL } from './support/servers.js';
import { authAs, testTokenKeys } from './support/tokens.js';

/** Enforcement on interfaces and unions, on a fixture supergraph with a policy of its own. */
describe('access rules on abstract types', () => {
  let fixture: GuardedSupergraph;
  let gateway: RunningServer;
  const ask = async (principal: Principal, query: string) => graphql(gateway.url, query, undefined, await authAs(principal));
  const anonymous: Principal = { kind: 'anonymous' };
  const owner: Principal = { kind: 'customer', id: 'C0001' };

  beforeAll(async () => {
    fixture = await startGuardedSupergraph();
    gateway = await startGraphQL(
      createGateway({
        supergraph: { sdl: fixture.supergraphSdl, subgraphs: [{ name: 'guarded', url: `${fixture.server.url}/graphql` }] },
        environment: 'test',
        keys: await testTokenKeys(),
        policy: guardedPolicy,
      }),
    );
  });
  afterAll(() => fixture.server.close());
  beforeEach(() => {
    fixture.received.length = 0;
  });

  it('applies each implementation’s rule to a field selected on the interface', async () => {
    const { data, errors } = await ask(owner, '{ accounts { id secret } }');
    expect(data!.accounts).toEqual([
      { id: 'u1', secret: 'user-secret' },
      { id: 'o1', secret: null },
    ]);
    expect(errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([['accounts.1.secret', 'FORBIDDEN']]);
  });

  it('withholds a rule on data from whom it does not allow', async () => {
    const { data } = await ask(anonymous, '{ accounts { secret } }');
    expect(data!.accounts).toEqual([{ secret: null }, { secret: null }]);
  });

  it('prunes a field of one implementation denied by the principal, and never fetches it', async () => {
    const { data, errors } = await ask(anonymous, '{ accounts { id ... on Org { revenue } } }');
    expect(data!.accounts).toEqual([{ id: 'u1' }, { id: 'o1', revenue: null }]);
    expect(errors!.map((e) => e.path!.join('.'))).toEqual(['accounts.1.revenue']);
    expect(fixture.received.join('\n')).not.toContain('revenue');
  });

  it('prunes denied union members’ fields at their exact paths, keeping the rest', async () => {
    const { data, errors } = await ask(
      anonymous,
      '{ search { __typename ... on User { email } ... on Org { revenue } ... on Doc { title } } }',
    );
    expect(data!.search).toEqual([
      { __typename: 'User', email: null },
      { __typename: 'Org', revenue: null },
      { __typename: 'Doc', title: 'Handbook' },
    ]);
    expect(errors!.map((e) => e.path!.join('.')).sort()).toEqual(['search.0.email', 'search.1.revenue']);
    expect(fixture.received.join('\n')).not.toMatch(/email|revenue/);
  });

  it('returns union members’ guarded fields to a principal that holds the scope', async () => {
    const { data, errors } = await ask({ kind: 'agent', id: 'a', scopes: ['pii:read'] }, '{ search { ... on User { email } } }');
    expect(errors).toBeUndefined();
    expect(data!.search[0]).toEqual({ email: 'u1@example.org' });
  });
});

import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPrincipalAssertion, verifyPrincipalAssertion } from '../lib/identity/principal-assertion.js';
import type { RunningServer } from '../lib/service/listen.js';
import { randomSecret } from '../lib/signing/development-secret.js';
import { ask, startCachingGateway, supergraphFile } from './fixtures/cacheable-supergraph.js';
import { startFixture, type RunningFixture } from './fixtures/foreign/start.js';
import { authAs } from './support/tokens.js';

/**
 * The principal reaches subgraphs signed by the gateway (INTERNAL_CALL_SECRET), with the agent's reason
 * and the trace context: a subgraph that verifies the signature learns who asks, and no client can
 * pass itself off as someone else by sending the headers itself.
 */
const secret = randomSecret();
const WHO = '{ whoAsks }';
let fixture: RunningFixture;
let gateway: RunningServer;

beforeAll(async () => {
  fixture = await startFixture({
    name: 'forwarding',
    cases: [],
    subgraphs: [
      {
        name: 'echo',
        typeDefs: 'type Query { whoAsks: String }',
        resolvers: { Query: { whoAsks: (_: unknown, __: unknown, context: unknown) => JSON.stringify(verifyPrincipalAssertion((context as { headers: IncomingHttpHeaders }).headers, secret)) } },
      },
    ],
  });
  const subgraphUrls = { echo: `${fixture.servers.echo!.url}/graphql` };
  gateway = await startCachingGateway({ file: supergraphFile(fixture.supergraphSdl), subgraphUrls }, { internalCallSecret: secret });
});
afterAll(() => fixture?.close());

const whoAsks = async (headers: Record<string, string> = {}) => JSON.parse((await ask(gateway, WHO, headers)).data?.whoAsks as string);

describe('the principal forwarded to subgraphs', () => {
  it('is the one the gateway verified, with the reason and trace context the client stated', async () => {
    const agent = { kind: 'agent' as const, id: 'support-bot', scopes: ['orders:write'], onBehalfOf: 'C0001' };
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    expect(await whoAsks({ ...(await authAs(agent)), 'x-agent-reason': 'late parcel', traceparent })).toEqual({ principal: agent, reason: 'late parcel', traceparent });
    expect(await whoAsks()).toEqual({ principal: { kind: 'anonymous' } });
  });

  it("cannot be forged by a client: its own assertion headers never reach the subgraph", async () => {
    const forged = signPrincipalAssertion({ principal: { kind: 'staff', id: 'boss', roles: ['admin'] } }, randomSecret());
    expect(await whoAsks(forged)).toEqual({ principal: { kind: 'anonymous' } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditLog, type AuditLog } from '../lib/audit/audit-log.js';
import { queryAuditLog } from '../lib/audit/query.js';
import { openPool, type Pool } from '../lib/postgres/pool.js';
import type { RunningServer } from '../lib/service/listen.js';
import { ask, behindCacheProxies, PUBLIC_CACHE_CONTROL, startCachingGateway, supergraphFile, testClock } from './fixtures/cacheable-supergraph.js';
import { startFixture, type RunningFixture } from './fixtures/foreign/start.js';
import { scratchDatabaseOrSkip, type ScratchDatabase } from '../lib/postgres/scratch-database.js';
import { authAs } from './support/tokens.js';

/**
 * The gateway's `@audit`: fields marked in a subgraph's SDL, composed with `@composeDirective`, read
 * from the supergraph SDL; one durable record per audited field a request selects, in the real
 * PostgreSQL, also when the answer comes from the cache; no answer without its record.
 */
const AUDIT = `
  extend schema @link(url: "https://commerce-control-plane.dev/audit/v1.0", import: ["@audit"]) @composeDirective(name: "@audit")
  directive @audit(action: String!) on FIELD_DEFINITION`;
const customer = { id: 'C0001', name: 'Ada', email: 'ada@example.org' };
const EMAIL = 'query Email($id: ID!) { customer(id: $id) { name email } }';
const TRACE = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const database: ScratchDatabase | undefined = await scratchDatabaseOrSkip('audit gateway');
let fixture: RunningFixture;
let pool: Pool;
let log: AuditLog;
let gateway: RunningServer;
const records = async (action: string) => (await queryAuditLog(pool, { action, first: 100 })).nodes;

beforeAll(async () => {
  if (!database) return;
  fixture = await startFixture({
    name: 'audited',
    cases: [],
    subgraphs: [
      {
        name: 'crm',
        typeDefs: `${AUDIT}
          type Customer @key(fields: "id") { id: ID! name: String! email: String @audit(action: "customer.pii.read") }
          type Query { customer(id: ID!): Customer greeting: String! }`,
        resolvers: { Query: { customer: () => customer, greeting: () => 'hello' } },
      },
    ],
  });
  const proxies = await behindCacheProxies(fixture, () => PUBLIC_CACHE_CONTROL);
  pool = await openPool(database.url);
  log = await openAuditLog(pool);
  const urls = Object.fromEntries(Object.entries(proxies).map(([name, proxy]) => [name, proxy.url]));
  gateway = await startCachingGateway({ file: supergraphFile(fixture.supergraphSdl), subgraphUrls: urls }, { cache: { now: testClock().now }, audit: { log } });
});
afterAll(async () => {
  await log?.close();
  await pool?.end();
  await database?.drop();
  await fixture?.close();
});

describe.skipIf(!database)('@audit at the gateway', () => {
  it('writes one record per request that selects an audited field, cached answers included, before answering', async () => {
    const headers = { ...(await authAs({ kind: 'agent', id: 'support-bot', scopes: [], onBehalfOf: 'C0001' })), 'x-agent-reason': 'customer asked for a receipt', traceparent: TRACE };
    const body = JSON.stringify({ query: EMAIL, variables: { id: 'C0001', email: 'typed@example.org' } });
    for (let i = 0; i < 2; i++) {
      const answer = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      expect(((await answer.json()) as { data: unknown }).data).toEqual({ customer: { name: 'Ada', email: 'ada@example.org' } });
    }
    const written = await records('customer.pii.read');
    expect(written).toHaveLength(2);
    expect(written[1]).toMatchObject({
      principal: 'agent:support-bot',
      onBehalfOf: 'customer:C0001',
      reason: 'customer asked for a receipt',
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      operationName: 'Email',
      variables: { id: 'C0001', email: '[REDACTED]' },
      outcome: 'served',
    });
  });

  it('writes nothing for a request that selects no audited field', async () => {
    const before = (await queryAuditLog(pool, { first: 500 })).nodes.length;
    expect((await ask(gateway, '{ greeting customer(id: "C0001") { name } }')).data).toEqual({ greeting: 'hello', customer: { name: 'Ada' } });
    expect((await queryAuditLog(pool, { first: 500 })).nodes).toHaveLength(before);
  });

  it('withholds the answer when its record cannot be written', async () => {
    const closedPool = await openPool(database!.url);
    const closedLog = await openAuditLog(closedPool);
    await closedPool.end();
    const withoutLog = await startCachingGateway({ file: supergraphFile(fixture.supergraphSdl), subgraphUrls: {} }, { audit: { log: closedLog } });
    const answer = await ask(withoutLog, '{ customer(id: "C0001") { email } }');
    expect(answer.status).toBe(503);
    expect(answer.data).toBeNull();
    expect(answer.errors?.map((error) => error.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
  });
});

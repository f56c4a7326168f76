import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSupergraph } from '../gateway/supergraph.js';
import { behindCacheProxies, PUBLIC, PUBLIC_CACHE_CONTROL, supergraphFile, testClock } from './fixtures/cacheable-supergraph.js';
import type { CacheProxy } from './fixtures/cache-proxy.js';
import { catalogFixture } from './fixtures/foreign/catalog.js';
import { startFixture, type RunningFixture } from './fixtures/foreign/start.js';
import { inProcessGateway, startDifferential, type Differential } from './support/differential.js';
import { expectPlainAnswer } from './support/differential-case.js';

/**
 * Cached answers are plain answers. The foreign "catalog" supergraph (entities across three
 * subgraphs, `@requires`, aliases, fragments, an interface, a union, resolver errors): our gateway,
 * cache on, asks its subgraphs through proxies that send `Cache-Control`; plain `@apollo/gateway`
 * asks them directly. Every case is asked cold, warm (an answer without errors then costs ours no
 * subgraph call) and stale (past max-age: only `extensions.stale` may differ).
 */
const clock = testClock();
let running: RunningFixture;
let proxies: Record<string, CacheProxy>;
let differential: Differential;
const oursCalls = () => Object.values(proxies).reduce((sum, proxy) => sum + proxy.calls, 0);

beforeAll(async () => {
  running = await startFixture(catalogFixture);
  proxies = await behindCacheProxies(running, () => PUBLIC_CACHE_CONTROL);
  const throughProxies = Object.fromEntries(Object.entries(proxies).map(([name, proxy]) => [name, proxy.url]));
  const supergraph = loadSupergraph(supergraphFile(running.supergraphSdl), throughProxies);
  differential = await startDifferential({ supergraphSdl: running.supergraphSdl, ours: inProcessGateway({ supergraph, cache: { now: clock.now } }) });
});

afterAll(async () => {
  await differential?.close();
  await running?.close();
});

for (const round of ['cold', 'warm'] as const) {
  describe(`${round}, ours with its fetch cache`, () => {
    for (const testCase of catalogFixture.cases) {
      it(testCase.name, async () => {
        const before = oursCalls();
        await expectPlainAnswer(differential, testCase);
        if (round === 'warm' && testCase.plain.codes.length === 0) expect(oursCalls()).toBe(before);
      });
    }
  });
}

describe('stale, within stale-while-revalidate', () => {
  const anonymous = catalogFixture.cases.filter((testCase) => !testCase.as && testCase.authorization === undefined);
  beforeAll(() => clock.advance(PUBLIC.maxAge + 1));

  for (const testCase of anonymous) {
    it(testCase.name, async () => {
      const comparison = await differential.compare(testCase.operation);
      expect(comparison.unexplained).toEqual([]);
      const allowed = comparison.allowed.map((allowance) => allowance.name).filter((name) => name !== 'extensions.stale');
      expect(allowed).toEqual(testCase.allowed ?? []);
      const stale = (comparison.ours.body as { extensions?: { stale?: object[] } }).extensions?.stale ?? [];
      for (const entry of stale) expect(entry).toMatchObject({ reason: 'stale-while-revalidate', ageSeconds: PUBLIC.maxAge + 1 });
      // Every answer without errors that asked a subgraph was cached in the rounds before: it is all stale now.
      const cleanFromSubgraphs = testCase.plain.codes.length === 0 && !testCase.allowed && !testCase.operation.query.includes('__schema');
      if (cleanFromSubgraphs) expect(stale.length).toBeGreaterThan(0);
    });
  }
});

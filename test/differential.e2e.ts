import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsFixture } from './fixtures/foreign/accounts.js';
import { catalogFixture } from './fixtures/foreign/catalog.js';
import { mediaFixture } from './fixtures/foreign/media.js';
import { startFixture, type ForeignFixture, type RunningFixture } from './fixtures/foreign/start.js';
import { gatewayProcess, inProcessGateway, startDifferential, type Differential, type StartOurs } from './support/differential.js';
import { ALLOWED_DIFFERENCES, topLevelExtension } from './support/differential-allowances.js';
import { expectPlainAnswer } from './support/differential-case.js';
import { compareAnswers, type AllowedDifference, type Answer } from './support/differential-compare.js';

/**
 * On supergraphs that are not ours but use our type names, our gateway with its access policy off
 * answers every operation as plain `@apollo/gateway` does, but for the allowed differences each
 * case names: started in this process on every fixture, with and without its fetch cache, and as
 * its own process (`--policy off`, what an operator runs; its cache, `/mcp`, the agents' safelist and
 * rate limits are on by default) on one.
 * (These subgraphs send no Cache-Control, so nothing is kept: test/cache.e2e.ts compares cached answers.)
 */
const inProcess = [
  { ours: 'in this process', options: {} },
  { ours: 'in this process, fetch cache on', options: { cache: {} } },
];
const runs: { fixture: ForeignFixture; ours: string; start: StartOurs }[] = [
  ...[catalogFixture, accountsFixture, mediaFixture].flatMap((fixture) =>
    inProcess.map(({ ours, options }) => ({ fixture, ours, start: inProcessGateway(options) })),
  ),
  { fixture: catalogFixture, ours: 'as its own process, --policy off', start: gatewayProcess() },
];

for (const { fixture, ours, start } of runs) {
  describe(`on the foreign supergraph "${fixture.name}", ours ${ours}`, () => {
    let running: RunningFixture;
    let differential: Differential;

    beforeAll(async () => {
      running = await startFixture(fixture);
      differential = await startDifferential({ supergraphSdl: running.supergraphSdl, ours: start });
    });

    afterAll(async () => {
      await differential?.close();
      await running?.close();
    });

    for (const testCase of fixture.cases) it(testCase.name, () => expectPlainAnswer(differential, testCase));

    const { httpError, outage } = fixture;
    if (httpError) {
      describe(`while "${httpError.subgraph}" answers HTTP ${httpError.status}`, () => {
        beforeAll(() => running.failWith(httpError.subgraph, httpError.status));
        afterAll(() => running.failWith(httpError.subgraph, null));
        for (const testCase of httpError.cases) it(testCase.name, () => expectPlainAnswer(differential, testCase));
      });
    }
    if (outage) {
      describe(`once "${outage.subgraph}" is closed`, () => {
        beforeAll(() => running.servers[outage.subgraph]!.close());
        for (const testCase of outage.cases) it(testCase.name, () => expectPlainAnswer(differential, testCase));
      });
    }
  });
}

/** The comparator itself: what it must still see, and that each allowance covers only its own situation. */
describe('the differential comparator', () => {
  const subgraphs = [{ name: 'shipping', url: 'http://127.0.0.1:9/graphql' }];
  const compare = (ours: Answer, theirs: Answer, { headers = {}, allowances = ALLOWED_DIFFERENCES }: Partial<Options> = {}) => {
    const comparison = compareAnswers(ours, theirs, { subgraphs, headers }, allowances);
    return { paths: comparison.unexplained.map((difference) => difference.path), allowed: comparison.allowed.map((allowance) => allowance.name) };
  };
  type Options = { headers: Record<string, string>; allowances: AllowedDifference[] };
  const answer = (status: number, body: Record<string, unknown>): Answer => ({ status, body, text: JSON.stringify(body) });
  const refusedConnection = {
    message: 'request to http://127.0.0.1:9/graphql failed, reason: connect ECONNREFUSED 127.0.0.1:9',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
  const unavailable = (cause: string) => ({
    message: `Subgraph "shipping" is unavailable: ${cause}`,
    path: ['customer'],
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'shipping' },
  });
  const httpError = (status: number, statusText: string, url = subgraphs[0]!.url) => ({
    message: `${status}: ${statusText}`,
    extensions: { code: 'INTERNAL_SERVER_ERROR', response: { url, status, statusText, body: 'db-7.internal:5432 is down' } },
  });
  const withAddress = (error: object) => answer(200, { data: { customer: { address: null } }, errors: [error] });

  it('ignores key order and reports every other difference at its path', () => {
    const ours = answer(200, { data: { a: { x: 1, y: null } }, errors: [{ message: 'm', path: ['a', 'y'] }] });
    const reordered = answer(200, { errors: [{ path: ['a', 'y'], message: 'm' }], data: { a: { y: null, x: 1 } } });
    expect(compare(ours, reordered)).toEqual({ paths: [], allowed: [] });
    const without = answer(200, { data: { a: { x: 1 } }, errors: [{ message: 'm', path: ['a', 'y'] }] });
    expect(compareAnswers(ours, without, { subgraphs, headers: {} }, ALLOWED_DIFFERENCES).unexplained).toEqual([
      { path: '$.body.data.a.y', ours: null, theirs: undefined },
    ]);
  });

  it('explains a refused connection, but nothing else in the same answer', () => {
    const ours = withAddress(unavailable('ECONNREFUSED'));
    expect(compare(ours, withAddress(refusedConnection))).toEqual({ paths: [], allowed: ['subgraph-unavailable'] });
    expect(compare(ours, answer(200, { data: { customer: null }, errors: [refusedConnection] })).paths).toEqual(['$.body.data.customer']);
    const elsewhere = { ...refusedConnection, message: 'request to http://elsewhere/ failed, reason: connect ECONNREFUSED' };
    expect(compare(ours, withAddress(elsewhere)).allowed).toEqual([]);
    expect(compare(ours, withAddress(httpError(500, 'Internal Server Error'))).allowed).toEqual([]);
  });

  it("explains a subgraph's HTTP error status, only that status from that subgraph's URL", () => {
    const ours = withAddress(unavailable('HTTP 500'));
    expect(compare(ours, withAddress(httpError(500, 'Internal Server Error')))).toEqual({ paths: [], allowed: ['subgraph-http-error'] });
    expect(compare(withAddress(unavailable('HTTP 503')), withAddress(httpError(503, 'Service Unavailable'))).allowed).toEqual(['subgraph-http-error']);
    expect(compare(ours, withAddress(httpError(502, 'Bad Gateway'))).allowed).toEqual([]);
    expect(compare(ours, withAddress(httpError(500, 'Internal Server Error', 'http://elsewhere/graphql'))).allowed).toEqual([]);
    expect(compare(ours, withAddress(refusedConnection)).allowed).toEqual([]);
    const forbidden = httpError(403, 'Forbidden');
    const coded = { ...forbidden, extensions: { ...forbidden.extensions, code: 'FORBIDDEN' } };
    expect(compare(withAddress(unavailable('HTTP 403')), withAddress(coded)).allowed).toEqual([]);
    const ourExtra = { ...unavailable('HTTP 500'), extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'shipping', status: 500 } };
    expect(compare(withAddress(ourExtra), withAddress(httpError(500, 'Internal Server Error'))).allowed).toEqual([]);
  });

  it('explains a refusal by our limits only where plain ran the operation', () => {
    const error = { message: 'Aliases limit of 20 exceeded, found 25. (limit for anonymous callers)', extensions: { code: 'QUERY_TOO_COMPLEX' } };
    const refused = answer(400, { errors: [error] });
    expect(compare(refused, answer(200, { data: { a: 1 } }))).toEqual({ paths: [], allowed: ['operation-limits'] });
    const plainRefused = answer(400, { errors: [{ message: 'Syntax Error: Unexpected "}".', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] });
    expect(compare(refused, plainRefused)).toEqual({ paths: ['$.body.errors[0].extensions.code', '$.body.errors[0].message'], allowed: [] });
  });

  it('explains a refused credential only where the request carried one, and only our exact 401', () => {
    const error = { message: 'Unauthenticated: the token signature is not valid', extensions: { code: 'UNAUTHENTICATED' } };
    const refused = answer(401, { errors: [error] });
    const theirs = answer(200, { data: { a: 1 } });
    const headers = { Authorization: 'Bearer x.y.z' };
    expect(compare(refused, theirs, { headers })).toEqual({ paths: [], allowed: ['unauthenticated'] });
    expect(compare(refused, theirs).allowed).toEqual([]);
    expect(compare(refused, theirs, { headers: { authorization: '' } }).allowed).toEqual([]);
    expect(compare(answer(400, { errors: [error] }), theirs, { headers }).allowed).toEqual([]);
    expect(compare(answer(401, { errors: [error], data: null }), theirs, { headers }).allowed).toEqual([]);
    expect(compare(answer(401, { errors: [error, error] }), theirs, { headers }).allowed).toEqual([]);
    const forbidden = { ...error, extensions: { code: 'FORBIDDEN' } };
    expect(compare(answer(401, { errors: [forbidden] }), theirs, { headers }).allowed).toEqual([]);
  });

  it('explains a registered top-level extension of ours, and only that key', () => {
    const stale = topLevelExtension('stale', 'a cache layer marks what it served past its freshness');
    const theirs = answer(200, { data: { a: 1 } });
    const allowances = [stale];
    expect(compare(answer(200, { data: { a: 1 }, extensions: { stale: true } }), theirs, { allowances })).toEqual({ paths: [], allowed: ['extensions.stale'] });
    expect(compare(answer(200, { data: { a: 1 }, extensions: { stale: true, debug: 1 } }), theirs, { allowances }).paths).toEqual(['$.body.extensions']);
    expect(compare(answer(200, { data: { a: 1 }, extensions: { debug: true } }), theirs).paths).toEqual(['$.body.extensions']);
  });

  it("explains the fetch cache's extensions.stale, never the data beside it", () => {
    const theirs = answer(200, { data: { a: 1 } });
    const stale = [{ path: ['a'], subgraph: 'shipping', ageSeconds: 61, reason: 'stale-while-revalidate' }];
    expect(compare(answer(200, { data: { a: 1 }, extensions: { stale } }), theirs)).toEqual({ paths: [], allowed: ['extensions.stale'] });
    expect(compare(answer(200, { data: { a: 2 }, extensions: { stale } }), theirs)).toEqual({ paths: ['$.body.data.a'], allowed: ['extensions.stale'] });
  });
});

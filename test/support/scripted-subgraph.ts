import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll } from 'vitest';
import { SubgraphCallError, type FailureReason } from '../../gateway/resilience/failure.js';
import { signalledFetcher } from '../../gateway/resilience/signalled-fetcher.js';

/**
 * How the server replies to one request: a GraphQL answer; a 200 whose error says the vendor is
 * down; an HTTP status; `hang` (accept, never answer until released); `reset` (drop the connection).
 */
export type Reply = 'answer' | 'vendor-unavailable' | 'hang' | 'reset' | number;

/** A GraphQL endpoint that replies as scripted and counts what reaches it. */
export interface ScriptedSubgraph {
  url: string;
  /** Requests received so far. */
  readonly requests: number;
  /** Requests whose client gave up before an answer. */
  readonly abandoned: number;
  /** The replies to the next requests, in turn; the last one repeats. */
  script(...replies: Reply[]): void;
  /** Answers every request held by `hang`. */
  releaseHung(): void;
}

/** Servers a test file started; `afterAll` stops them. */
const started: Server[] = [];
afterAll(() => {
  for (const server of started.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

const ANSWER = { data: { __typename: 'Query' } };
const VENDOR_UNAVAILABLE = { data: null, errors: [{ message: 'vendor down', extensions: { code: 'VENDOR_UNAVAILABLE' } }] };

export async function startScriptedSubgraph(): Promise<ScriptedSubgraph> {
  let replies: Reply[] = ['answer'];
  let requests = 0;
  let abandoned = 0;
  const hung: ServerResponse[] = [];
  const server = createServer((req, res) => {
    requests++;
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    req.resume();
    if (reply === 'hang') {
      hung.push(res);
      res.on('close', () => {
        if (!res.writableFinished) abandoned++;
      });
      return;
    }
    if (reply === 'reset') return void req.socket.destroy();
    if (typeof reply === 'number') return void sendJson(res, reply, { errors: [{ message: `status ${reply}` }] });
    sendJson(res, 200, reply === 'answer' ? ANSWER : VENDOR_UNAVAILABLE);
  });
  started.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    get requests() {
      return requests;
    },
    get abandoned() {
      return abandoned;
    },
    script: (...next) => void (replies = next),
    releaseHung: () => hung.splice(0).filter((res) => !res.destroyed).forEach((res) => sendJson(res, 200, ANSWER)),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * One GraphQL request through `@apollo/gateway`'s own data source (its `process`, its fetcher, its
 * HTTP errors), its fetch carrying the signal of the guarded call (`signalledFetcher`).
 */
export function queryThrough(url: string): (signal: AbortSignal) => Promise<GatewayGraphQLResponse> {
  const dataSource = new RemoteGraphQLDataSource({ url });
  const signalled = signalledFetcher(dataSource.fetcher);
  dataSource.fetcher = signalled.fetcher;
  // The request kind enum is not exported by @apollo/gateway; a health check has no incoming request.
  const request = () => ({ kind: 'health check', request: { query: '{ __typename }' }, context: {} }) as unknown as GraphQLDataSourceProcessOptions;
  return (signal) => signalled.run(signal, () => dataSource.process(request()));
}

/** How a guarded call ended: `answered`, or the reason it failed with. */
export function outcomeOf(call: Promise<unknown>): Promise<'answered' | FailureReason> {
  return call.then(
    () => 'answered',
    (error: unknown) => {
      if (error instanceof SubgraphCallError) return error.reason;
      throw error;
    },
  );
}

/** Whether an answer's errors say its vendor is down: a failure for the breaker, still an answer. */
export const reportsOutage = (answer: GatewayGraphQLResponse) =>
  answer.errors?.some((error) => error.extensions?.code === 'VENDOR_UNAVAILABLE') ?? false;

import type { IncomingMessage } from 'node:http';
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESILIENCE_DEFAULTS } from '../gateway/resilience/config.js';
import type { ResiliencePolicy } from '../gateway/resilience/subgraph-resilience.js';
import { listen, type RunningServer } from '../lib/service/listen.js';
import { testClock } from './fixtures/cacheable-supergraph.js';
import { graphql, type GraphQLResponse } from './support/graphql.js';
import { startStack, type Stack } from './support/stack.js';

/**
 * A hung vendor and a hung subgraph, on the whole product: each call costs at most its timeout (the
 * answers say which timeout ended it), and once the inventory subgraph's circuit is open, none is
 * made at all, while the rest of the page still answers. Calls are counted where they arrive: a
 * counting proxy in front of the inventory subgraph, connections accepted by a server that never answers.
 */
const VENDOR_TIMEOUT_MS = 250;
const LISTING = `{ products(first: 3) { nodes { id name price(region: "EU") { amount currency } availability(region: "EU") { available complete } } } }`;
const INVENTORY_PATH = ['products', 'nodes'];
/** The inventory subgraph's policy at the gateway: few failures open its circuit, which stays open for the test. */
const inventoryPolicy = (policy: Partial<ResiliencePolicy>) => ({
  defaults: RESILIENCE_DEFAULTS,
  subgraphs: { inventory: { ...RESILIENCE_DEFAULTS, halfOpenAfterMs: 600_000, ...policy } },
});

let stack: Stack;
let inventory: CountingProxy;
/** Each listed product's id, name and price, as the page shows them with every vendor up. */
let rest: unknown[];

beforeAll(async () => {
  stack = await startStack({}, { vendorTimeoutMs: { warehouse: VENDOR_TIMEOUT_MS } });
  inventory = await startCountingProxy(stack.subgraphUrls.inventory);
  const healthy = await graphql(stack.gateway.url, LISTING);
  expect(healthy.errors).toBeUndefined();
  rest = restOf(healthy);
});

type Node = { id: string; name: string; price: { amount: number } | null; availability: { available: number; complete: boolean } | null };
const nodesOf = (answer: GraphQLResponse) => answer.data?.products.nodes as Node[];
const codes = (answer: GraphQLResponse) => [...new Set(answer.errors?.map((error) => error.extensions?.code))];
/** The page without the inventory subgraph's part. */
const restOf = (answer: GraphQLResponse) => nodesOf(answer).map(({ id, name, price }) => ({ id, name, price }));

describe('a hung vendor (the warehouse answers long after the inventory adapter stops waiting)', () => {
  const THRESHOLD = 3;

  beforeAll(async () => {
    await stack.vendors.warehouse.admin.setFaults({ latencyMs: 20 * VENDOR_TIMEOUT_MS });
  });
  afterAll(async () => {
    await stack.vendors.warehouse.admin.setFaults({});
  });

  it('costs each page at most the vendor timeout until the circuit opens; then the inventory subgraph is not called, and the page still answers', async () => {
    const gateway = await stack.startGateway({ resilience: inventoryPolicy({ timeoutMs: 5_000, breakerThreshold: THRESHOLD }) }, { inventory: inventory.url });
    const calls = inventory.calls;
    for (let i = 0; i < THRESHOLD; i++) {
      const answer = await graphql(gateway.url, LISTING);
      // Inventory answered without the warehouse's stock, saying it timed out on it: the vendor timeout ended the call.
      expect(restOf(answer)).toEqual(rest);
      expect(nodesOf(answer).map((node) => node.availability?.complete)).toEqual([false, false, false]);
      expect(new Set(answer.errors?.map((error) => error.message))).toEqual(new Set([`Vendor "warehouse" is unavailable: no answer within ${VENDOR_TIMEOUT_MS} ms`]));
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'warehouse' });
    }
    expect(inventory.calls - calls).toBe(THRESHOLD);

    for (let i = 0; i < 5; i++) {
      const answer = await graphql(gateway.url, LISTING);
      expect(restOf(answer)).toEqual(rest);
      expect(nodesOf(answer).map((node) => node.availability)).toEqual([null, null, null]);
      expect(answer.errors).toEqual([
        { message: 'Subgraph "inventory" is unavailable: circuit open', path: INVENTORY_PATH, extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'inventory' } },
      ]);
    }
    expect(inventory.calls - calls).toBe(THRESHOLD);
  });

  it('with the page cached: stale at the inventory path while the circuit opens, and from then on, without calling', async () => {
    const clock = testClock();
    const gateway = await stack.startGateway({ cache: { now: clock.now }, resilience: inventoryPolicy({ timeoutMs: 5_000, breakerThreshold: THRESHOLD }) }, { inventory: inventory.url });
    await stack.vendors.warehouse.admin.setFaults({});
    const healthy = await graphql(gateway.url, LISTING);
    expect(healthy.errors).toBeUndefined();
    await stack.vendors.warehouse.admin.setFaults({ latencyMs: 20 * VENDOR_TIMEOUT_MS });
    // Past the stock's max-age (5 s) and stale-while-revalidate window (60 s by default), within stale-if-error.
    clock.advance(120);

    const calls = inventory.calls;
    const stale = [{ path: INVENTORY_PATH, subgraph: 'inventory', ageSeconds: 120, reason: 'stale-if-error' }];
    for (let i = 0; i < THRESHOLD + 5; i++) {
      const answer = await graphql(gateway.url, LISTING);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual(healthy.data);
      expect(answer.extensions?.stale).toEqual(stale);
    }
    expect(inventory.calls - calls).toBe(THRESHOLD);
  });
});

describe('a hung subgraph (a server standing in for inventory that accepts connections and never answers)', () => {
  const THRESHOLD = 2;
  const TIMEOUT_MS = 300;

  it('costs each page its timeout, SUBGRAPH_UNAVAILABLE at the path, until the circuit opens; then it is not connected to at all', async () => {
    const hung = await startHungServer();
    const gateway = await stack.startGateway({ resilience: inventoryPolicy({ timeoutMs: TIMEOUT_MS, breakerThreshold: THRESHOLD }) }, { inventory: hung.url });

    for (let i = 0; i < THRESHOLD; i++) {
      const answer = await graphql(gateway.url, LISTING);
      expect(restOf(answer)).toEqual(rest);
      expect(nodesOf(answer).map((node) => node.availability)).toEqual([null, null, null]);
      expect(answer.errors).toEqual([
        { message: `Subgraph "inventory" is unavailable: no answer within ${TIMEOUT_MS} ms`, path: INVENTORY_PATH, extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'inventory' } },
      ]);
    }
    expect(hung.connections).toBe(THRESHOLD);

    for (let i = 0; i < 5; i++) {
      const answer = await graphql(gateway.url, LISTING);
      expect(restOf(answer)).toEqual(rest);
      expect(nodesOf(answer).map((node) => node.availability)).toEqual([null, null, null]);
      expect(codes(answer)).toEqual(['SUBGRAPH_UNAVAILABLE']);
      expect(answer.errors?.[0]?.message).toBe('Subgraph "inventory" is unavailable: circuit open');
    }
    expect(hung.connections).toBe(THRESHOLD);
  });
});

/** The listing as the page cached two minutes ago shows it: past its stale-while-revalidate window, within stale-if-error. */
const STALE_INVENTORY = [{ path: INVENTORY_PATH, subgraph: 'inventory', ageSeconds: 120, reason: 'stale-if-error' }];

/** A gateway with `policy` for inventory, reached through a counting proxy, its listing cached and now 120 s old. */
async function cachedListingBehindProxy(policy: Partial<ResiliencePolicy>, cache: { softTimeoutMs?: number } = {}) {
  const clock = testClock();
  const proxy = await startCountingProxy(stack.subgraphUrls.inventory);
  const gateway = await stack.startGateway({ cache: { now: clock.now, ...cache }, resilience: inventoryPolicy(policy) }, { inventory: proxy.url });
  const healthy = await graphql(gateway.url, LISTING);
  expect(healthy.errors).toBeUndefined();
  clock.advance(120);
  return { gateway, proxy, healthy };
}

/**
 * Every page answered with the stale listing while the proxy holds one call that would hang for a minute:
 * pages that waited for that call would still be waiting when this gives up.
 */
async function expectAnsweredStaleWhileOneCallHangs(pages: Promise<GraphQLResponse[]>, healthy: GraphQLResponse, proxy: CountingProxy, callsBefore: number) {
  const outcome = await Promise.race([pages.then(() => 'answered'), new Promise((resolve) => setTimeout(resolve, 15_000, 'waiting for the hung call'))]);
  expect(outcome).toBe('answered');
  for (const answer of await pages) {
    expect(answer.data).toEqual(healthy.data);
    expect(answer.extensions?.stale).toEqual(STALE_INVENTORY);
  }
  expect(proxy.calls - callsBefore).toBe(1);
  proxy.release();
}

describe('a circuit half-open with the page cached', () => {
  it('serves stale at once while its one trial call hangs, instead of joining the trial', async () => {
    const { gateway, proxy, healthy } = await cachedListingBehindProxy({ timeoutMs: 60_000, breakerThreshold: 1, halfOpenAfterMs: 300 });
    proxy.mode = 'fail';
    expect((await graphql(gateway.url, LISTING)).extensions?.stale).toEqual(STALE_INVENTORY);
    await new Promise((resolve) => setTimeout(resolve, 400));

    proxy.mode = 'hang';
    const calls = proxy.calls;
    const pages = Promise.all(Array.from({ length: 5 }, () => graphql(gateway.url, LISTING)));
    await expectAnsweredStaleWhileOneCallHangs(pages, healthy, proxy, calls);
  });
});

describe('a subgraph that hangs while its circuit stays closed, with the page cached', () => {
  it('costs a page at most the soft timeout: one call hangs, every page meanwhile gets the stale answer', async () => {
    // A circuit that never opens and a call that would wait a minute: only the soft timeout stands between.
    const { gateway, proxy, healthy } = await cachedListingBehindProxy({ timeoutMs: 60_000, breakerThreshold: 1_000 }, { softTimeoutMs: 200 });
    proxy.mode = 'hang';
    const calls = proxy.calls;
    const pages = (async () => {
      const answers: GraphQLResponse[] = [];
      for (let i = 0; i < 5; i++) answers.push(await graphql(gateway.url, LISTING));
      return answers;
    })();
    await expectAnsweredStaleWhileOneCallHangs(pages, healthy, proxy, calls);
  });
});

/** An HTTP proxy in front of one GraphQL endpoint that counts the requests it gets; it passes them on, fails them (503) or holds them. */
interface CountingProxy {
  url: string;
  readonly calls: number;
  mode: 'pass' | 'fail' | 'hang';
  /** Closes the connections of the requests held. */
  release(): void;
}

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function startCountingProxy(target: string): Promise<CountingProxy> {
  let calls = 0;
  let mode: CountingProxy['mode'] = 'pass';
  const held = new Set<IncomingMessage>();
  const server = await listen(
    async (req, res) => {
      calls += 1;
      const body = await readBody(req);
      if (mode === 'hang') return void held.add(req);
      if (mode === 'fail') return void res.writeHead(503).end();
      try {
        const answer = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        const headers = Object.fromEntries(['content-type', 'cache-control', 'cache-tag'].flatMap((name) => (answer.headers.has(name) ? [[name, answer.headers.get(name)!]] : [])));
        res.writeHead(answer.status, headers).end(await answer.text());
      } catch {
        req.socket.destroy();
      }
    },
    { name: 'counting proxy', port: 0 },
  );
  servers.push(server);
  return {
    url: `${server.url}/graphql`,
    get calls() {
      return calls;
    },
    get mode() {
      return mode;
    },
    set mode(value) {
      mode = value;
    },
    release: () => held.forEach((req) => req.socket.destroy()),
  };
}

/** A TCP server that accepts every connection and never writes a byte; it counts the connections. */
async function startHungServer(): Promise<{ url: string; readonly connections: number }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({
    name: 'hung server',
    url: '',
    port: 0,
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    get connections() {
      return connections;
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

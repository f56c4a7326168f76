import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { randomSecret } from '../gateway/identity/development-secret.js';
import { readTokenKeys } from '../gateway/identity/keys.js';
import { mintToken } from '../gateway/identity/mint.js';
import { spawnService, stopAll, waitUntilHealthy, type ServiceProcess } from '../scripts/processes.js';
import { SUBGRAPHS, VENDOR_SIMULATORS, type ServiceEntry } from '../scripts/topology.js';

/**
 * `npm run bench`: the same operations through plain `@apollo/gateway`, our gateway without the
 * access policy and our gateway with it, side by side, each target in its own process.
 * Figures, not assertions: compare the columns of one run.
 */
const root = fileURLToPath(new URL('../', import.meta.url));
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** The gateways measured run in production, so they need a key; this run mints its tokens with it. */
const TOKEN_ENV = { AUTH_JWT_SECRET: randomSecret() };

const variants: ServiceEntry[] = ['plain', 'policy-off', 'policy-on'].map((variant, i) => ({
  name: variant,
  entry: 'bench/gateway-variant.ts',
  port: 4600 + i,
  args: ['--variant', variant, '--port', String(4600 + i)],
}));

const storefront = `{ products(first: 20) { nodes { id name price(region: "EU") { amount currency }
  availability(region: "EU") { available inStock } } pageInfo { hasNextPage endCursor } } }`;
const customer360 = `{ customer(id: "C0001") { name email loyalty { tier points }
  cart { items { quantity product { name } } } orders(first: 3) { id status } } }`;

interface Row {
  target: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** CPU time the target's own process spent per request: the gateway's cost, apart from the backends'. */
  cpuMicrosPerRequest: number;
  errors: number;
}

/** User + system CPU of a process so far, in microseconds (Linux `/proc`, 100 ticks a second). */
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

function load(url: string, query: string, headers: Record<string, string>, duration: number) {
  return autocannon({
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
    connections: CONNECTIONS,
    duration,
  });
}

async function measure(target: ServiceEntry, url: string, query: string, headers: Record<string, string>): Promise<Row> {
  const pid = running.find((service) => service.entry.port === target.port)!.child.pid!;
  const cpuBefore = cpuMicros(pid);
  const result = await load(url, query, headers, DURATION_S);
  const cpu = cpuMicros(pid) - cpuBefore;
  return {
    target: target.name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicrosPerRequest: Math.round(cpu / Math.max(1, result.requests.total)),
    errors: result.errors + result.non2xx,
  };
}

function print(title: string, rows: Row[], baseline: string): void {
  const base = rows.find((row) => row.target === baseline)!;
  console.log(`\n${title}`);
  console.log(`target                  req/s    p50 ms   p99 ms   CPU µs/req   errors   req/s and CPU vs ${baseline}`);
  for (const row of rows) {
    const throughput = ((row.requestsPerSecond / base.requestsPerSecond) * 100).toFixed(1);
    const cpu = ((row.cpuMicrosPerRequest / base.cpuMicrosPerRequest) * 100).toFixed(1);
    const cells = [row.requestsPerSecond, row.p50, row.p99].map((value, i) => String(value).padStart(i === 0 ? 7 : i === 1 ? 10 : 9));
    console.log(
      `${row.target.padEnd(22)}${cells.join('')}${String(row.cpuMicrosPerRequest).padStart(13)}${String(row.errors).padStart(9)}   ${throughput}% / ${cpu}%`,
    );
  }
}

const running: ServiceProcess[] = [];
async function startAll(entries: ServiceEntry[]) {
  const started = entries.map((entry) => spawnService(entry, root, { ...process.env, NODE_ENV: 'production', ...TOKEN_ENV }));
  running.push(...started);
  await Promise.all(started.map((service) => waitUntilHealthy(service, 60_000)));
}

try {
  await startAll(VENDOR_SIMULATORS);
  await startAll(SUBGRAPHS);
  await startAll(variants);
  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION_S} s per target and round, two rounds, after a 2 s warm-up`);

  const pim = SUBGRAPHS.find((s) => s.subgraph === 'pim')!;
  const direct = { ...pim, name: 'pim subgraph (direct)' };
  const listing = '{ products(first: 20) { nodes { id name } } }';
  print(
    'Storefront listing, anonymous (20 products: pim + commerce + inventory); the direct row asks pim for its part only',
    await compare([direct, ...variants], (entry) => (entry === direct ? listing : storefront)),
    'policy-off',
  );

  const keys = await readTokenKeys(TOKEN_ENV);
  const staff = { authorization: `Bearer ${await mintToken({ kind: 'staff', id: 'bench', roles: ['service'] }, keys, '1h')}` };
  const ours = variants.filter((entry) => entry.name !== 'plain');
  print('Customer 360, service staff (rules on data: the result pass runs)', await compare(ours, () => customer360, staff), 'policy-off');
} finally {
  await stopAll(running.reverse());
}

/**
 * Every target once to warm it up, then two measured rounds, the second in reverse order, averaged:
 * whatever drifts during the run (JIT, caches, the other processes) falls on all targets alike.
 */
async function compare(targets: ServiceEntry[], query: (entry: ServiceEntry) => string, headers: Record<string, string> = {}): Promise<Row[]> {
  const url = (entry: ServiceEntry) => `http://127.0.0.1:${entry.port}/graphql`;
  for (const entry of targets) await load(url(entry), query(entry), headers, 2);
  const rounds: Row[][] = [[], []];
  for (const entry of targets) rounds[0]!.push(await measure(entry, url(entry), query(entry), headers));
  for (const entry of [...targets].reverse()) rounds[1]!.unshift(await measure(entry, url(entry), query(entry), headers));
  return rounds[0]!.map((first, i) => {
    const second = rounds[1]![i]!;
    return {
      target: first.target,
      requestsPerSecond: Math.round((first.requestsPerSecond + second.requestsPerSecond) / 2),
      p50: (first.p50 + second.p50) / 2,
      p99: (first.p99 + second.p99) / 2,
      cpuMicrosPerRequest: Math.round((first.cpuMicrosPerRequest + second.cpuMicrosPerRequest) / 2),
      errors: first.errors + second.errors,
    };
  });
}

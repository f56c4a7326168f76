import autocannon from 'autocannon';
import { cpuMicros } from './proc.js';
import { SETTINGS } from './settings.js';

/** One request, sent over and over: a POST to a target, of a GraphQL query or of a body of its own (JSON). */
export type Request = { url: string; headers: Record<string, string> } & ({ query: string } | { body: string });

/** What one target did under load for one round. */
export interface Sample {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** CPU time the target's own process spent per request: its cost, apart from the backends'. */
  cpuMicrosPerRequest: number;
  /** Mean body size of the answers: the same page through every target, or a sign that one answered errors. */
  kilobytesPerAnswer: number;
  requests: number;
  errors: number;
}

/** The headers and body of a request's POST. */
export function post(request: Request): { headers: Record<string, string>; body: string } {
  return {
    headers: { 'content-type': 'application/json', ...request.headers },
    body: 'body' in request ? request.body : JSON.stringify({ query: request.query }),
  };
}

export function load(request: Request, durationS: number) {
  return autocannon({
    url: request.url,
    method: 'POST',
    ...post(request),
    connections: SETTINGS.connections,
    duration: durationS,
  });
}

/** Loads the target for one round, reading its process's CPU before and after. */
export async function measure(request: Request, pid: number): Promise<Sample> {
  const cpuBefore = cpuMicros(pid);
  const result = await load(request, SETTINGS.durationS);
  const cpu = cpuMicros(pid) - cpuBefore;
  const requests = Math.max(1, result.requests.total);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMicrosPerRequest: cpu / requests,
    kilobytesPerAnswer: result.throughput.total / requests / 1024,
    requests: result.requests.total,
    errors: result.errors + result.non2xx,
  };
}

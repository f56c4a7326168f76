import { Agent, request as httpRequest } from 'node:http';
import type { OrderRequest } from './order-stream.js';

/** What a stream of orders got back: every order sent was answered before this resolved. */
export interface OrderAnswers {
  /** From the first order sent to the last answer. */
  seconds: number;
  /** Answers by what they said: an action status (COMPLETED, COMPENSATED, …), an error code, an HTTP status, or the network's error. */
  outcomes: Record<string, number>;
  /** Each answer's latency, ascending. */
  latenciesMs: number[];
}

/**
 * `connections` loops, each posting its next order when the last is answered, until `durationS` is up.
 * Not autocannon: it stops at the deadline with orders in flight, and those go on (an order is a durable
 * workflow) to do their work after the count. Here the last orders are waited for, so the CPU and the
 * database work measured over a round are exactly those of the orders counted.
 */
export async function placeOrders(url: string, nextOrder: () => OrderRequest, connections: number, durationS: number): Promise<OrderAnswers> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const outcomes: Record<string, number> = {};
  const latenciesMs: number[] = [];
  const started = performance.now();
  const deadline = started + durationS * 1000;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline) {
          const sent = performance.now();
          const outcome = await post(url, nextOrder(), agent).then(outcomeOf, (error: NodeJS.ErrnoException) => error.code ?? error.message);
          latenciesMs.push(performance.now() - sent);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return { seconds: (performance.now() - started) / 1000, outcomes, latenciesMs: latenciesMs.sort((a, b) => a - b) };
}

function post(url: string, order: OrderRequest, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sending = httpRequest(url, { method: 'POST', agent, headers: order.headers }, (response) => {
      const chunks: Buffer[] = [];
      response
        .on('data', (chunk: Buffer) => chunks.push(chunk))
        .on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }))
        .on('error', reject);
    });
    sending.on('error', reject).end(order.body);
  });
}

/** `COMPLETED`, `COMPENSATED`, … from the answer's data; else its first error's code; else the HTTP status. */
function outcomeOf({ status, body }: { status: number; body: string }): string {
  try {
    const answer = JSON.parse(body);
    return answer.data?.placeOrder?.status ?? answer.errors?.[0]?.extensions?.code ?? `HTTP ${status}`;
  } catch {
    return `HTTP ${status}`;
  }
}

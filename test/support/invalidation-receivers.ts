import express from 'express';
import { Redis } from 'ioredis';
import { afterAll } from 'vitest';
import { INVALIDATION_ROUTE, parseInvalidation, type Invalidation } from '../../lib/invalidation/message.js';
import { listen } from '../../lib/service/listen.js';
import { createSignatureVerifier, SIGNATURE_HEADER } from '../../lib/signing/signed-body.js';

/** Where tests find Redis; each test file uses channels of its own on it. */
export const TEST_REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Whether Redis answers at TEST_REDIS_URL. Under `CI=true` it must: a missing Redis fails the file.
 * Locally its tests skip, with a loud warning.
 */
export async function redisIsUp(testFile: string): Promise<boolean> {
  const probe = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`Redis at ${TEST_REDIS_URL} is required under CI=true: ${(error as Error).message}`);
    console.warn(`\n⚠⚠⚠ ${testFile}: no Redis at ${TEST_REDIS_URL}, its Redis tests are SKIPPED ⚠⚠⚠\n`);
    return false;
  } finally {
    probe.disconnect();
  }
}

/** Invalidations as something received them, in order; `next` waits for the one after those already taken. */
export interface ReceivedInvalidations {
  readonly received: Invalidation[];
  /** The next invalidation not yet taken, waiting up to `timeoutMs` for it. */
  next(timeoutMs?: number): Promise<Invalidation>;
}

function receivedLog(): ReceivedInvalidations & { add(invalidation: Invalidation): void } {
  const received: Invalidation[] = [];
  const waiting: (() => void)[] = [];
  let taken = 0;
  return {
    received,
    add(invalidation) {
      received.push(invalidation);
      waiting.splice(0).forEach((wake) => wake());
    },
    async next(timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length <= taken) {
        if (Date.now() > deadline) throw new Error(`no invalidation arrived within ${timeoutMs} ms (${taken} taken)`);
        await new Promise<void>((wake) => {
          waiting.push(wake);
          setTimeout(wake, 50);
        });
      }
      return received[taken++]!;
    },
  };
}

/** A gateway's invalidation route, for real: it verifies each delivery's signature and keeps the good ones. */
export interface InvalidationReceiver extends ReceivedInvalidations {
  /** Its base URL, a subgraph's `GATEWAY_URL`. */
  url: string;
  /** Deliveries refused for their signature. */
  readonly refused: number;
  /** Answers every delivery with this status from now on (e.g. 503), as a failing gateway would. */
  failWith(status: number): void;
  close(): Promise<void>;
}

/** What a test file started here; `afterAll` closes it. */
const started: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()));
});

export async function startInvalidationReceiver(secret: string): Promise<InvalidationReceiver> {
  const log = receivedLog();
  const verifier = createSignatureVerifier(secret);
  let refused = 0;
  let failure: number | null = null;
  const app = express();
  app.post(INVALIDATION_ROUTE, express.text({ type: '*/*' }), (req, res) => {
    if (failure !== null) return void res.status(failure).json({ error: 'failing on purpose' });
    const body = String(req.body);
    if (!verifier.verify(body, req.get(SIGNATURE_HEADER)).ok) {
      refused += 1;
      return void res.status(401).json({ error: 'bad signature' });
    }
    const invalidation = parseInvalidation(body);
    if (!invalidation) return void res.status(400).json({ error: 'not an invalidation' });
    log.add(invalidation);
    res.status(204).end();
  });
  const server = await listen(app, { name: 'invalidation receiver', port: 0 });
  started.push(server);
  return {
    url: server.url,
    received: log.received,
    next: log.next,
    get refused() {
      return refused;
    },
    failWith: (status) => void (failure = status),
    close: () => server.close(),
  };
}

/** A gateway's subscription to a Redis channel, for real. */
export async function subscribeToInvalidations(channel: string): Promise<ReceivedInvalidations & { close(): Promise<void> }> {
  const log = receivedLog();
  const subscriber = new Redis(TEST_REDIS_URL);
  subscriber.on('message', (_channel: string, message: string) => {
    const invalidation = parseInvalidation(message);
    if (invalidation) log.add(invalidation);
  });
  await subscriber.subscribe(channel);
  const subscription = { received: log.received, next: log.next, close: async () => void subscriber.disconnect() };
  started.push(subscription);
  return subscription;
}

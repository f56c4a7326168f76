import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../lib/config.js';
import { createHttpTransport } from '../lib/invalidation/http-transport.js';
import { INVALIDATION_SETTINGS, publisherFromSettings } from '../lib/invalidation/publisher-settings.js';
import { createTagPublisher } from '../lib/invalidation/publisher.js';
import { createRedisTransport } from '../lib/invalidation/redis-transport.js';
import { randomSecret } from '../lib/signing/development-secret.js';
import { freePort } from './support/process.js';
import { redisIsUp, startInvalidationReceiver, subscribeToInvalidations, TEST_REDIS_URL } from './support/invalidation-receivers.js';

const TAGS = ['Stock:SKU-10001-01', 'Stock:SKU-10001', 'Cart:CART-C0001'];
const PUBLISHED = { tags: [...TAGS, 'Stock:*', 'Cart:*'] };

/** A publisher that keeps what it logged, to show that a failure is said, not thrown. */
function loggingPublisher(transport: Parameters<typeof createTagPublisher>[0]) {
  const logged: string[] = [];
  return { publisher: createTagPublisher(transport, (line) => logged.push(line)), logged };
}

describe('publishing invalidations through the gateway (signed HTTP, the embedded default)', () => {
  it('delivers the tags and their type tags, signed with the shared secret', async () => {
    const secret = randomSecret();
    const receiver = await startInvalidationReceiver(secret);
    const { publisher } = loggingPublisher(createHttpTransport({ gatewayUrl: receiver.url, secret }));
    await publisher.publish(TAGS);
    expect(receiver.received).toEqual([PUBLISHED]);
    expect(publisher.report()).toEqual({ via: 'http', published: 1, failed: 0 });
  });

  it('publishes nothing for a change that names no tags', async () => {
    const secret = randomSecret();
    const receiver = await startInvalidationReceiver(secret);
    const { publisher } = loggingPublisher(createHttpTransport({ gatewayUrl: receiver.url, secret }));
    await publisher.publish([]);
    await publisher.publish(['Customer:C0001']);
    expect(receiver.received).toEqual([{ tags: ['Customer:C0001', 'Customer:*'] }]);
  });

  it.each([
    ['a gateway that refuses the signature', async () => ({ gatewayUrl: (await startInvalidationReceiver(randomSecret())).url, why: /answered HTTP 401$/ })],
    ['a failing gateway', async () => {
      const receiver = await startInvalidationReceiver(randomSecret());
      receiver.failWith(503);
      return { gatewayUrl: receiver.url, why: /answered HTTP 503$/ };
    }],
    ['no gateway at all', async () => ({ gatewayUrl: `http://127.0.0.1:${await freePort()}`, why: /is unreachable \(ECONNREFUSED\)$/ })],
  ])('never throws to its caller with %s: it logs and counts the failure, saying why', async (_, gateway) => {
    const { gatewayUrl, why } = await gateway();
    const { publisher, logged } = loggingPublisher(createHttpTransport({ gatewayUrl, secret: randomSecret() }));
    await expect(publisher.publish(TAGS)).resolves.toBeUndefined();
    const report = publisher.report();
    expect(report).toMatchObject({ via: 'http', published: 0, failed: 1 });
    expect(report.lastFailure).toMatch(why);
    expect(logged).toEqual([`Invalidation of ${TAGS.join(' ')} not published through http: ${report.lastFailure}`]);
  });
});

describe.runIf(await redisIsUp('test/invalidation-publish.e2e.ts'))('publishing invalidations through Redis pub/sub', () => {
  it('is what a subgraph publishes through when REDIS_URL is set', async () => {
    const publisher = await publisherFromSettings(readConfig(INVALIDATION_SETTINGS, { REDIS_URL: TEST_REDIS_URL }), false);
    expect(publisher.report().via).toBe('redis');
    await publisher.close();
  });

  it('delivers the tags and their type tags to a subscriber of the channel', async () => {
    const channel = `test:invalidation-publish:${randomUUID()}`;
    const subscription = await subscribeToInvalidations(channel);
    const { publisher } = loggingPublisher(createRedisTransport(TEST_REDIS_URL, { channel }));
    await publisher.publish(TAGS);
    expect(await subscription.next()).toEqual(PUBLISHED);
    expect(publisher.report()).toEqual({ via: 'redis', published: 1, failed: 0 });
    await publisher.close();
  });

  it('never throws to its caller when Redis is not there: it logs and counts the failure, saying why', async () => {
    const { publisher, logged } = loggingPublisher(createRedisTransport(`redis://127.0.0.1:${await freePort()}`, { channel: 'unheard' }));
    await expect(publisher.publish(TAGS)).resolves.toBeUndefined();
    const report = publisher.report();
    expect(report).toMatchObject({ via: 'redis', published: 0, failed: 1 });
    expect(report.lastFailure).toMatch(/^Redis is not connected \(\w+\) after 200 ms$/);
    expect(logged).toHaveLength(1);
    await publisher.close();
  });
});

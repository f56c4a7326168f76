import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTagPublisher } from '../lib/invalidation/publisher.js';
import { createRedisTransport } from '../lib/invalidation/redis-transport.js';
import { randomSecret } from '../lib/signing/development-secret.js';
import { SIGNATURE_HEADER, signBody } from '../lib/signing/signed-body.js';
import { createCompositeInventoryAdapter } from '../subgraphs/inventory/composite-adapter.js';
import { createInventorySubgraph } from '../subgraphs/inventory/server.js';
import { createStorePosAdapter } from '../subgraphs/inventory/store-pos-adapter.js';
import { createStorePosSimulator } from '../vendors/store-pos/simulator.js';
import { redisIsUp, subscribeToInvalidations, TEST_REDIS_URL, type ReceivedInvalidations } from './support/invalidation-receivers.js';
import { startGraphQL, startSimulator } from './support/servers.js';

/** The same webhook route, its subgraph publishing through Redis pub/sub, as every gateway instance receives it. */
describe.runIf(await redisIsUp('test/webhooks-redis.e2e.ts'))('vendor webhooks published through Redis', () => {
  const webhookSecret = randomSecret();
  let subgraphUrl: string;
  let subscription: ReceivedInvalidations;

  beforeAll(async () => {
    const channel = `test:webhooks-redis:${randomUUID()}`;
    subscription = await subscribeToInvalidations(channel);
    const storePos = await startSimulator('store-pos', createStorePosSimulator);
    const invalidations = createTagPublisher(createRedisTransport(TEST_REDIS_URL, { channel }));
    const adapter = createCompositeInventoryAdapter([createStorePosAdapter({ baseUrl: storePos.url })]);
    subgraphUrl = (await startGraphQL(createInventorySubgraph(adapter, { invalidations, webhookSecret }))).url;
  });

  const levelsUpdated = (sku: string) => JSON.stringify({ topic: 'inventory_levels/update', webhook_id: randomUUID(), levels: [{ vendor_sku: sku, store_id: 101 }] });
  const post = (body: string, secret: string) =>
    fetch(`${subgraphUrl}/webhooks/store-pos`, { method: 'POST', headers: { [SIGNATURE_HEADER]: signBody(body, secret) }, body });

  it('publishes the tags of a signed event; a forged one before it publishes nothing', async () => {
    expect((await post(levelsUpdated('SKU-10020-01'), randomSecret())).status).toBe(401);
    expect((await post(levelsUpdated('SKU-10020-02'), webhookSecret)).status).toBe(200);
    // The channel delivers in order: the first message is the good delivery's.
    expect(await subscription.next()).toEqual({ tags: ['Stock:SKU-10020-02', 'Stock:SKU-10020', 'Stock:*'] });
    expect(subscription.received).toHaveLength(1);
  });
});

import { createTagPublisher } from '../../lib/invalidation/publisher.js';
import { createRedisTransport } from '../../lib/invalidation/redis-transport.js';
import type { StaleWindows } from '../../lib/subgraph/freshness.js';
import type { SubgraphOptions } from '../../lib/subgraph/subgraph-service.js';
import { createCommerceSimulator } from '../../vendors/commerce/simulator.js';
import { createCrmSimulator } from '../../vendors/crm/simulator.js';
import { createDropshipSimulator } from '../../vendors/dropship/simulator.js';
import { webhooksTo, type Webhooks } from '../../vendors/kit/webhooks.js';
import { createPaymentsSimulator } from '../../vendors/payments/simulator.js';
import { createPimSimulator } from '../../vendors/pim/simulator.js';
import { createStorePosSimulator } from '../../vendors/store-pos/simulator.js';
import { createWarehouseSimulator } from '../../vendors/warehouse/simulator.js';
import { createWmsSimulator } from '../../vendors/wms/simulator.js';
import { createCommercetoolsAdapter } from '../../subgraphs/commerce/commercetools-adapter.js';
import { createCommerceSubgraph } from '../../subgraphs/commerce/server.js';
import { createSalesforceAdapter } from '../../subgraphs/crm/salesforce-adapter.js';
import { createCrmSubgraph } from '../../subgraphs/crm/server.js';
import { createFulfillmentSubgraph } from '../../subgraphs/fulfillment/server.js';
import { createWmsHttpAdapter } from '../../subgraphs/fulfillment/wms-http-adapter.js';
import { createCompositeInventoryAdapter } from '../../subgraphs/inventory/composite-adapter.js';
import { createDropshipAdapter } from '../../subgraphs/inventory/dropship-adapter.js';
import { createInventorySubgraph } from '../../subgraphs/inventory/server.js';
import { createStorePosAdapter } from '../../subgraphs/inventory/store-pos-adapter.js';
import { createWarehouseAdapter } from '../../subgraphs/inventory/warehouse-adapter.js';
import { createPaymentsSubgraph } from '../../subgraphs/payments/server.js';
import { createStripeAdapter } from '../../subgraphs/payments/stripe-adapter.js';
import { createPimHttpAdapter } from '../../subgraphs/pim/pim-http-adapter.js';
import { createPimSubgraph } from '../../subgraphs/pim/server.js';
import type { RunningServer } from '../../lib/service/listen.js';
import type { Effect } from '../../vendors/kit/effects.js';
import { TEST_INTERNAL_CALL_SECRET } from './internal-calls.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './servers.js';

export type VendorName = 'pim' | 'commerce' | 'warehouse' | 'storePos' | 'dropship' | 'crm' | 'wms' | 'payments';
export type SubgraphName = 'pim' | 'commerce' | 'inventory' | 'crm' | 'fulfillment' | 'payments';

/** How the domain takes part in caching and failing; without any, subgraphs publish nothing and simulators post no webhooks. */
export interface DomainOptions {
  /** Every subgraph publishes the tags of what changed on this Redis channel, as with `REDIS_URL` set. */
  invalidations?: { redisUrl: string; channel: string };
  /**
   * The simulators that report their own changes (warehouse, store-pos, commerce) post signed
   * webhooks with this secret to their subgraph's `POST /webhooks/<vendor>`, which takes them.
   */
  webhookSecret?: string;
  /** The stale windows every subgraph adds to its `Cache-Control`; the subgraphs' defaults otherwise. */
  freshness?: StaleWindows;
  /** How long a subgraph's adapter waits for a vendor before reporting it unavailable; the vendor client's default otherwise. */
  vendorTimeoutMs?: Partial<Record<VendorName, number>>;
}

/** The eight vendor simulators and six domain subgraphs, in this process on free ports; they stop after the test file. */
export interface Domain {
  vendors: Record<VendorName, StartedSimulator>;
  subgraphs: Record<SubgraphName, RunningServer>;
  /** Each subgraph's GraphQL endpoint (`…/graphql`). */
  subgraphUrls: Record<SubgraphName, string>;
  /** Every simulator's effects since its last reset, by vendor. */
  effects(): Promise<Record<VendorName, Effect[]>>;
  /** Zeroes every simulator's data, counters, effects and faults. */
  resetVendors(): Promise<void>;
  /** Calls every simulator has answered, together: unchanged across a request means no vendor was called. */
  vendorCalls(): Promise<number>;
}

/** Subgraphs take the orchestrator's step calls signed with `TEST_INTERNAL_CALL_SECRET`. */
export async function startDomain(options: DomainOptions = {}): Promise<Domain> {
  // A simulator needs its subgraph's webhook URL, and the subgraph its simulator's: events go to a target set once the subgraph listens.
  const webhooks = { warehouse: lateWebhooks(), storePos: lateWebhooks(), commerce: lateWebhooks() };
  const [pim, commerce, warehouse, storePos, dropship, crm, wms, payments] = await Promise.all([
    startSimulator('pim', createPimSimulator),
    startSimulator('commerce', (seed) => createCommerceSimulator(seed, webhooks.commerce.webhooks)),
    startSimulator('warehouse', (seed) => createWarehouseSimulator(seed, webhooks.warehouse.webhooks)),
    startSimulator('store-pos', (seed) => createStorePosSimulator(seed, webhooks.storePos.webhooks)),
    startSimulator('dropship', createDropshipSimulator),
    startSimulator('crm', createCrmSimulator),
    startSimulator('wms', createWmsSimulator),
    startSimulator('payments', (seed) => createPaymentsSimulator(seed)),
  ]);
  const vendors = { pim, commerce, warehouse, storePos, dropship, crm, wms, payments };
  const connection = (vendor: VendorName) => {
    const timeoutMs = options.vendorTimeoutMs?.[vendor];
    return { baseUrl: vendors[vendor].url, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
  };
  const subgraphOptions = (): SubgraphOptions => ({
    ...(options.freshness ? { freshness: options.freshness } : {}),
    ...(options.invalidations
      ? { invalidations: createTagPublisher(createRedisTransport(options.invalidations.redisUrl, { channel: options.invalidations.channel })) }
      : {}),
    ...(options.webhookSecret ? { webhookSecret: options.webhookSecret } : {}),
    internalCallSecret: TEST_INTERNAL_CALL_SECRET,
  });
  const subgraphs = {
    pim: await startGraphQL(createPimSubgraph(createPimHttpAdapter(connection('pim')), subgraphOptions())),
    commerce: await startGraphQL(createCommerceSubgraph(createCommercetoolsAdapter(connection('commerce')), subgraphOptions())),
    inventory: await startGraphQL(
      createInventorySubgraph(
        createCompositeInventoryAdapter([
          createWarehouseAdapter(connection('warehouse')),
          createStorePosAdapter(connection('storePos')),
          createDropshipAdapter(connection('dropship')),
        ]),
        subgraphOptions(),
      ),
    ),
    crm: await startGraphQL(createCrmSubgraph(createSalesforceAdapter(connection('crm')), subgraphOptions())),
    fulfillment: await startGraphQL(createFulfillmentSubgraph(createWmsHttpAdapter(connection('wms')), subgraphOptions())),
    payments: await startGraphQL(createPaymentsSubgraph(createStripeAdapter(connection('payments')), subgraphOptions())),
  };
  if (options.webhookSecret) {
    const secret = options.webhookSecret;
    webhooks.warehouse.pointAt({ url: `${subgraphs.inventory.url}/webhooks/warehouse`, secret });
    webhooks.storePos.pointAt({ url: `${subgraphs.inventory.url}/webhooks/store-pos`, secret });
    webhooks.commerce.pointAt({ url: `${subgraphs.commerce.url}/webhooks/commerce`, secret });
  }
  const subgraphUrls = Object.fromEntries(Object.entries(subgraphs).map(([name, server]) => [name, `${server.url}/graphql`])) as Record<SubgraphName, string>;
  return {
    vendors,
    subgraphs,
    subgraphUrls,
    async effects() {
      const lists = await Promise.all(Object.values(vendors).map((vendor) => vendor.admin.effects()));
      return Object.fromEntries(Object.keys(vendors).map((name, i) => [name, lists[i]])) as Record<VendorName, Effect[]>;
    },
    resetVendors: async () => {
      await Promise.all(Object.values(vendors).map((vendor) => vendor.admin.reset()));
    },
    vendorCalls: async () => {
      const counts = await Promise.all(Object.values(vendors).map((vendor) => vendor.admin.calls()));
      return counts.reduce((sum, count) => sum + count.total, 0);
    },
  };
}

/** A simulator's webhooks, sent nowhere until `pointAt` names their target. */
function lateWebhooks(): { webhooks: Webhooks; pointAt(target: Parameters<typeof webhooksTo>[0]): void } {
  let current = webhooksTo(null);
  return {
    webhooks: { deliver: (event) => current.deliver(event), notify: (event) => current.notify(event) },
    pointAt: (target) => void (current = webhooksTo(target)),
  };
}

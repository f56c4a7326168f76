import type { RunningServer } from '../../lib/service/listen.js';
import { createGateway, type GatewayOptions } from '../../gateway/server.js';
import { loadSupergraph } from '../../gateway/supergraph.js';
import { SUPERGRAPH_PATH } from '../../scripts/topology.js';
import { createCommerceSimulator } from '../../vendors/commerce/simulator.js';
import { createCrmSimulator } from '../../vendors/crm/simulator.js';
import { createDropshipSimulator } from '../../vendors/dropship/simulator.js';
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
import { createPimHttpAdapter } from '../../subgraphs/pim/pim-http-adapter.js';
import { createPimSubgraph } from '../../subgraphs/pim/server.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './servers.js';
import { testTokenKeys } from './tokens.js';

/**
 * The whole product on free ports, in this process: seven vendor simulators, five subgraphs, the gateway.
 * Like every server of `servers.ts`, they stop after the test file.
 */
export interface Stack {
  gateway: RunningServer;
  vendors: Record<VendorName, StartedSimulator>;
  subgraphs: Record<SubgraphName, RunningServer>;
  /** Zeroes every simulator's counters and clears their faults. */
  resetVendors(): Promise<void>;
}

type VendorName = 'pim' | 'commerce' | 'warehouse' | 'storePos' | 'dropship' | 'crm' | 'wms';
type SubgraphName = 'pim' | 'commerce' | 'inventory' | 'crm' | 'fulfillment';

export async function startStack(gatewayOptions: Partial<GatewayOptions> = {}): Promise<Stack> {
  const [pim, commerce, warehouse, storePos, dropship, crm, wms] = await Promise.all([
    startSimulator('pim', createPimSimulator),
    startSimulator('commerce', createCommerceSimulator),
    startSimulator('warehouse', createWarehouseSimulator),
    startSimulator('store-pos', createStorePosSimulator),
    startSimulator('dropship', createDropshipSimulator),
    startSimulator('crm', createCrmSimulator),
    startSimulator('wms', createWmsSimulator),
  ]);
  const vendors = { pim, commerce, warehouse, storePos, dropship, crm, wms };
  const subgraphs = {
    pim: await startGraphQL(createPimSubgraph(createPimHttpAdapter({ baseUrl: pim.url }))),
    commerce: await startGraphQL(createCommerceSubgraph(createCommercetoolsAdapter({ baseUrl: commerce.url }))),
    inventory: await startGraphQL(
      createInventorySubgraph(
        createCompositeInventoryAdapter([
          createWarehouseAdapter({ baseUrl: warehouse.url }),
          createStorePosAdapter({ baseUrl: storePos.url }),
          createDropshipAdapter({ baseUrl: dropship.url }),
        ]),
      ),
    ),
    crm: await startGraphQL(createCrmSubgraph(createSalesforceAdapter({ baseUrl: crm.url }))),
    fulfillment: await startGraphQL(createFulfillmentSubgraph(createWmsHttpAdapter({ baseUrl: wms.url }))),
  };
  const urls = Object.fromEntries(Object.entries(subgraphs).map(([name, server]) => [name, `${server.url}/graphql`]));
  const gateway = await startGraphQL(
    createGateway({
      supergraph: loadSupergraph(SUPERGRAPH_PATH, urls),
      environment: 'test',
      keys: await testTokenKeys(),
      ...gatewayOptions,
    }),
  );

  return {
    gateway,
    vendors,
    subgraphs,
    resetVendors: async () => {
      await Promise.all(Object.values(vendors).map((vendor) => vendor.admin.reset()));
    },
  };
}

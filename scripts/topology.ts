/**
 * Every process of the product and its default port: what `npm start` launches,
 * and which subgraphs `npm run compose` composes (with the URL written into the supergraph).
 */
export interface ServiceEntry {
  name: string;
  /** The file that listens, relative to the project root. */
  entry: string;
  port: number;
  /** Command-line arguments for the entry file. */
  args?: string[];
  /** Environment variables of its own, e.g. where a vendor simulator posts its webhooks. */
  env?: Record<string, string>;
}

export interface SubgraphEntry extends ServiceEntry {
  /** The subgraph's name in the supergraph (`join__Graph`). */
  subgraph: string;
  schema: string;
}

export const SUBGRAPHS: SubgraphEntry[] = ['pim', 'commerce', 'inventory', 'crm', 'fulfillment', 'payments', 'orchestration'].map((subgraph, i) => ({
  name: `${subgraph} subgraph`,
  subgraph,
  entry: `subgraphs/${subgraph}/index.ts`,
  schema: `subgraphs/${subgraph}/schema.graphql`,
  port: 4001 + i,
}));

export const VENDOR_SIMULATORS: ServiceEntry[] = [
  { name: 'pim vendor', entry: 'vendors/pim/index.ts', port: 4101 },
  { name: 'commerce vendor', entry: 'vendors/commerce/index.ts', port: 4102, env: webhooksTo('commerce', 'commerce') },
  { name: 'warehouse vendor', entry: 'vendors/warehouse/index.ts', port: 4103, env: webhooksTo('inventory', 'warehouse') },
  { name: 'store-pos vendor', entry: 'vendors/store-pos/index.ts', port: 4104, env: webhooksTo('inventory', 'store-pos') },
  { name: 'dropship vendor', entry: 'vendors/dropship/index.ts', port: 4105 },
  { name: 'crm vendor', entry: 'vendors/crm/index.ts', port: 4106 },
  { name: 'wms vendor', entry: 'vendors/wms/index.ts', port: 4107 },
  { name: 'payments vendor', entry: 'vendors/payments/index.ts', port: 4108 },
];

export const GATEWAY: ServiceEntry = { name: 'gateway', entry: 'gateway/index.ts', port: 4000 };

export const SUPERGRAPH_PATH = 'schema/supergraph.graphql';

/** A simulator posts its change events to its subgraph's route `POST /webhooks/<vendor>`. */
function webhooksTo(subgraph: string, vendor: string): Record<string, string> {
  const { port } = SUBGRAPHS.find((entry) => entry.subgraph === subgraph)!;
  return { WEBHOOK_URL: `http://127.0.0.1:${port}/webhooks/${vendor}` };
}

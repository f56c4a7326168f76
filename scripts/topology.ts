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
}

export interface SubgraphEntry extends ServiceEntry {
  /** The subgraph's name in the supergraph (`join__Graph`). */
  subgraph: string;
  schema: string;
}

export const VENDOR_SIMULATORS: ServiceEntry[] = [
  { name: 'pim vendor', entry: 'vendors/pim/index.ts', port: 4101 },
  { name: 'commerce vendor', entry: 'vendors/commerce/index.ts', port: 4102 },
  { name: 'warehouse vendor', entry: 'vendors/warehouse/index.ts', port: 4103 },
  { name: 'store-pos vendor', entry: 'vendors/store-pos/index.ts', port: 4104 },
  { name: 'dropship vendor', entry: 'vendors/dropship/index.ts', port: 4105 },
  { name: 'crm vendor', entry: 'vendors/crm/index.ts', port: 4106 },
  { name: 'wms vendor', entry: 'vendors/wms/index.ts', port: 4107 },
];

export const SUBGRAPHS: SubgraphEntry[] = ['pim', 'commerce', 'inventory', 'crm', 'fulfillment'].map((subgraph, i) => ({
  name: `${subgraph} subgraph`,
  subgraph,
  entry: `subgraphs/${subgraph}/index.ts`,
  schema: `subgraphs/${subgraph}/schema.graphql`,
  port: 4001 + i,
}));

export const GATEWAY: ServiceEntry = { name: 'gateway', entry: 'gateway/index.ts', port: 4000 };

export const SUPERGRAPH_PATH = 'schema/supergraph.graphql';

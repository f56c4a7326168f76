import type { Json, SubgraphOperation } from '../actions/model.js';
import type { DomainSubgraph } from './domain-subgraphs.js';

/**
 * The step mutations of docs/orchestration-steps.md, one builder each: every write names its
 * reference, and every compensation names the reference of the write it undoes.
 */
function operation(subgraph: DomainSubgraph, field: string, signature: string, selection: string, variables: { [key: string]: Json }): SubgraphOperation {
  const args = Object.keys(variables).map((name) => `${name}: $${name}`).join(', ');
  return { subgraph, field, document: `mutation Orchestration(${signature}) { ${field}(${args}) ${selection} }`, variables };
}

const UNDONE = '{ reference undone }';

export const inventory = {
  reserveStock: (v: { sku: string; region: string; quantity: number; reference: string }) =>
    operation('inventory', 'reserveStock', '$sku: String!, $region: String!, $quantity: Int!, $reference: String!', '{ reference sku quantity status }', v),
  releaseStockReservation: (v: { reference: string }) => operation('inventory', 'releaseStockReservation', '$reference: String!', UNDONE, v),
};

export const payments = {
  authorizePayment: (v: { customerId: string; amount: number; currency: string; reference: string }) =>
    operation('payments', 'authorizePayment', '$customerId: ID!, $amount: Float!, $currency: String!, $reference: String!', '{ reference status }', v),
  capturePayment: (v: { reference: string }) => operation('payments', 'capturePayment', '$reference: String!', '{ reference status }', v),
  voidPayment: (v: { reference: string }) => operation('payments', 'voidPayment', '$reference: String!', UNDONE, v),
};

export const commerce = {
  createOrder: (v: { reference: string; customerId: string; region: string; lines: { sku: string; quantity: number }[] }) =>
    operation('commerce', 'createOrder', '$reference: String!, $customerId: ID!, $region: String!, $lines: [OrderLineInput!]!', '{ id status }', v),
  cancelOrder: (v: { reference: string }) => operation('commerce', 'cancelOrder', '$reference: String!', UNDONE, v),
  setPrice: (v: { sku: string; region: string; amount: number; reference: string }) =>
    operation('commerce', 'setPrice', '$sku: String!, $region: String!, $amount: Float!, $reference: String!', '{ reference }', v),
  restorePrice: (v: { reference: string }) => operation('commerce', 'restorePrice', '$reference: String!', UNDONE, v),
  createProductDiscount: (v: { reference: string; skus: string[]; percent: number; validUntil: string }) =>
    operation('commerce', 'createProductDiscount', '$reference: String!, $skus: [String!]!, $percent: Float!, $validUntil: String!', '{ reference }', v),
  removeProductDiscount: (v: { reference: string }) => operation('commerce', 'removeProductDiscount', '$reference: String!', UNDONE, v),
};

export const fulfillment = {
  bookFulfillment: (v: { sku: string; region: string; date: string; reference: string }) =>
    operation('fulfillment', 'bookFulfillment', '$sku: String!, $region: String!, $date: String!, $reference: String!', '{ reference warehouseId shipDate status }', v),
  cancelFulfillmentBooking: (v: { reference: string }) => operation('fulfillment', 'cancelFulfillmentBooking', '$reference: String!', UNDONE, v),
};

export const pim = {
  setProductBadge: (v: { productId: string; badge: string; reference: string }) =>
    operation('pim', 'setProductBadge', '$productId: ID!, $badge: String!, $reference: String!', '{ reference }', v),
  removeProductBadge: (v: { reference: string }) => operation('pim', 'removeProductBadge', '$reference: String!', UNDONE, v),
};

export const crm = {
  createCampaign: (v: { reference: string; name: string; segment: string; productIds: string[] }) =>
    operation('crm', 'createCampaign', '$reference: String!, $name: String!, $segment: String!, $productIds: [ID!]!', '{ reference }', v),
  cancelCampaign: (v: { reference: string }) => operation('crm', 'cancelCampaign', '$reference: String!', UNDONE, v),
  grantGoodwillCredit: (v: { customerId: string; amount: number; currency: string; reason: string; reference: string }) =>
    operation('crm', 'grantGoodwillCredit', '$customerId: ID!, $amount: Float!, $currency: String!, $reason: String!, $reference: String!', '{ reference }', v),
  revokeGoodwillCredit: (v: { reference: string }) => operation('crm', 'revokeGoodwillCredit', '$reference: String!', UNDONE, v),
};

import type { Money } from '../../../policies/guardrails/money.js';
import type { SubgraphClient } from './subgraph-client.js';

/**
 * What the orchestrator reads before it writes: the values the guardrails decide on and the plan is
 * built from. Internal reads (cost, negotiated discounts) are signed like the steps.
 */
export interface DomainReads {
  /** Units above safety stock per variant sku in a region (0 for a sku no inventory system carries). */
  availableUnits(skus: readonly string[], region: string): Promise<Map<string, number>>;
  /** The first day on or after `from` a warehouse of the region has room to ship the sku; null for none in the window. */
  firstShipDate(sku: string, region: string, from: string): Promise<string | null>;
  /** A variant's product, its price in the region today (the sale price while on sale) and its unit cost; null for an unknown sku. */
  price(sku: string, region: string): Promise<{ productId: string; price: Money; cost: Money | null } | null>;
  /** The product's base sku, category paths and variant skus; null for an unknown product. */
  product(productId: string): Promise<{ sku: string; categories: string[]; variantSkus: string[] } | null>;
  /** How many customers hold an active negotiated discount on the sku. */
  negotiatedDiscountHolders(sku: string): Promise<number>;
}

const STOCK = `query OrchestrationStock($skus: [String!]!, $region: String!) {
  stock(skus: $skus, region: $region) { sku available }
}`;

const SHIP_DATE = `query OrchestrationShipDate($representations: [_Any!]!, $region: String!, $from: String!) {
  _entities(representations: $representations) { ... on Product { deliveryPromise(region: $region, orderDate: $from) { shipDate } } }
}`;

const PRICE = `query OrchestrationPrice($sku: String!, $region: String!) {
  internalPrice(sku: $sku, region: $region) { productId amount currency cost { amount currency } }
}`;

const PRODUCT = `query OrchestrationProduct($id: ID!) {
  product(id: $id) { sku categories { path } variants { sku } }
}`;

const NEGOTIATED_DISCOUNTS = `query OrchestrationNegotiatedDiscounts($sku: String!) {
  negotiatedDiscounts(sku: $sku) { customerId }
}`;

export function createDomainReads(client: SubgraphClient, traceparent: string | null): DomainReads {
  return {
    async availableUnits(skus, region) {
      const { stock } = await client.call<{ stock: ({ sku: string; available: number } | null)[] }>('inventory', STOCK, { skus, region }, traceparent);
      return new Map(skus.map((sku, i) => [sku, stock[i]?.available ?? 0]));
    },
    async firstShipDate(sku, region, from) {
      const representations = [{ __typename: 'Product', sku }];
      type Answer = { _entities: ({ deliveryPromise: { shipDate: string } | null } | null)[] };
      const { _entities } = await client.call<Answer>('fulfillment', SHIP_DATE, { representations, region, from }, traceparent);
      return _entities[0]?.deliveryPromise?.shipDate ?? null;
    },
    async price(sku, region) {
      type Answer = { internalPrice: (Money & { productId: string; cost: Money | null }) | null };
      const { internalPrice: found } = await client.call<Answer>('commerce', PRICE, { sku, region }, traceparent);
      return found && { productId: found.productId, price: { amount: found.amount, currency: found.currency }, cost: found.cost };
    },
    async product(id) {
      type Answer = { product: { sku: string; categories: { path: string }[]; variants: { sku: string }[] } | null };
      const { product } = await client.call<Answer>('pim', PRODUCT, { id }, traceparent);
      return product && { sku: product.sku, categories: product.categories.map((c) => c.path), variantSkus: product.variants.map((v) => v.sku) };
    },
    async negotiatedDiscountHolders(sku) {
      const { negotiatedDiscounts } = await client.call<{ negotiatedDiscounts: { customerId: string }[] }>('crm', NEGOTIATED_DISCOUNTS, { sku }, traceparent);
      return new Set(negotiatedDiscounts.map((discount) => discount.customerId)).size;
    },
  };
}

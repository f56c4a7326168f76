import type { TokenKeys } from '../gateway/identity/keys.js';
import { mintToken } from '../gateway/identity/mint.js';
import type { Principal } from '../policies/principal.js';

/** A page the bench asks every gateway for, as one caller. */
export interface Page {
  /** How `bench/profile.ts --page` names it. */
  name: string;
  title: string;
  query: string;
  /** Who asks: no token is the anonymous storefront. */
  principal?: Exclude<Principal, { kind: 'anonymous' }>;
  /** A subgraph asked directly for its own part of the page: the floor under the gateways' figures. */
  direct?: { subgraph: string; query: string };
  /** A vendor simulator (by name) that answers nothing in time while the page is measured. */
  hung?: string;
}

const listing = `{ products(first: 20) { nodes { id name price(region: "EU") { amount currency }
  availability(region: "EU") { available inStock } } pageInfo { hasNextPage endCursor } } }`;

export const PAGES: Page[] = [
  {
    name: 'listing',
    title: 'Storefront listing, anonymous: 20 products (pim, commerce, inventory); the direct row asks pim for its part only',
    query: listing,
    direct: { subgraph: 'pim', query: '{ products(first: 20) { nodes { id name } } }' },
  },
  {
    name: 'nested',
    title: 'Nested listing, anonymous: 50 products with price, stock per source and delivery promise (pim, commerce, inventory, fulfillment)',
    query: `{ products(first: 50) { nodes { id name price(region: "EU") { amount currency onSale }
      availability(region: "EU") { available inStock sources { source locationId available } }
      deliveryPromise(region: "EU") { earliestDate latestDate carrier } } } }`,
  },
  {
    name: 'customer',
    title: 'Customer 360, service staff (crm, commerce, pim; with the policy on, its rules on data run over the result)',
    query: `{ customer(id: "C0001") { name email loyalty { tier points }
      cart { items { quantity product { name } } } orders(first: 3) { id status } } }`,
    principal: { kind: 'staff', id: 'bench', roles: ['service'] },
  },
  {
    name: 'listing-hung',
    title: 'Storefront listing, anonymous, with the warehouse vendor hung (inventory answers from the other stock systems, or waits)',
    query: listing,
    hung: 'warehouse vendor',
  },
];

/** The page's caller as request headers: a bearer token signed with the run's key, or none. */
export async function headersFor(page: Page, keys: TokenKeys): Promise<Record<string, string>> {
  return page.principal ? { authorization: `Bearer ${await mintToken(page.principal, keys)}` } : {};
}

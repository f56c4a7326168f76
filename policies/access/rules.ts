import { allow, and, or } from 'graphql-shield';
import type { Principal } from '../principal.js';
import { dataRule, requestRule } from './rule-kinds.js';
import { scopesOf, type Scope } from './scopes.js';

/**
 * The vocabulary of access rules. Each reads like the sentence it stands for; `permissions.ts`
 * assigns them to fields.
 */

/** Anyone, the anonymous storefront included. */
export const everyone = allow;

/** Any principal with a valid token. */
export const signedIn = requestRule('signedIn', (principal) => principal.kind !== 'anonymous');

/** Holds the scope: an agent granted it, or staff whose role grants it. */
export function holds(scope: Scope) {
  return requestRule(`holds(${scope})`, (principal) => scopesOf(principal).includes(scope));
}

/** Not acting for one customer only: the principal may range over all customers. */
const notBoundToOneCustomer = requestRule(
  'notBoundToOneCustomer',
  (principal) => !(principal.kind === 'agent' && principal.onBehalfOf),
);

/** True when `customerId` is the principal's own, or the one customer an agent acts for, or any (unbound). */
function mayConcern(principal: Principal, customerId: unknown): boolean {
  if (principal.kind === 'customer') return principal.id === customerId;
  if (principal.kind === 'agent' && principal.onBehalfOf) return principal.onBehalfOf === customerId;
  return principal.kind !== 'anonymous';
}

/** The `customerId` argument is the principal's own (a customer), or one it may act for with `scope`. */
export function actsForArgumentCustomer(scope: Scope) {
  return requestRule(`actsForArgumentCustomer(${scope})`, (principal, args) => {
    if (principal.kind === 'customer') return principal.id === args.customerId;
    return scopesOf(principal).includes(scope) && mayConcern(principal, args.customerId);
  });
}

/** The `id` argument names the customer themself, or the principal may read customers (that one, if bound). */
export const mayLookUpCustomer = requestRule('mayLookUpCustomer', (principal, args) => {
  if (principal.kind === 'customer') return principal.id === args.id;
  return scopesOf(principal).includes('customers:read') && mayConcern(principal, args.id);
});

/** Listing customers: readers of customers that act for no one customer in particular. */
export const mayListCustomers = and(holds('customers:read'), notBoundToOneCustomer);

/** On a Customer: the customer themself. */
export const isTheCustomer = dataRule<{ id?: string }>('isTheCustomer', ['id'], (principal, customer) =>
  principal.kind === 'customer' && principal.id === customer.id,
);

/** On a Customer: a holder of `scope` who may concern this customer. */
export function holdsForThisCustomer(scope: Scope) {
  return dataRule<{ id?: string }>(`holdsForThisCustomer(${scope})`, ['id'], (principal, customer) =>
    scopesOf(principal).includes(scope) && mayConcern(principal, customer.id),
  );
}

/** On a Cart or an Order: its owner, or a holder of `scope` who may concern the owner. */
export function ownerOr(scope: Scope) {
  return dataRule<{ customerId?: string }>(`ownerOr(${scope})`, ['customerId'], (principal, owned) => {
    if (principal.kind === 'customer') return principal.id === owned.customerId;
    return scopesOf(principal).includes(scope) && mayConcern(principal, owned.customerId);
  });
}

/** On a Customer: the customer themself, or a holder of `scope` for this customer. */
export function theCustomerOr(scope: Scope) {
  return or(isTheCustomer, holdsForThisCustomer(scope));
}

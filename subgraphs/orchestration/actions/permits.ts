import type { Principal } from '../../../policies/principal.js';

/**
 * Who may run an action at all, checked here as well as at the gateway: the orchestrator writes to
 * every system, so it does not rely on one door. What a principal may do in detail (scopes) is the
 * gateway's access policy; these are the lines no scope crosses.
 */

/** The customer themself, staff, or an agent unbound or bound to this customer. */
export function mayActForCustomer(principal: Principal, customerId: string): boolean {
  switch (principal.kind) {
    case 'customer':
      return principal.id === customerId;
    case 'agent':
      return principal.onBehalfOf === undefined || principal.onBehalfOf === customerId;
    case 'staff':
      return true;
    default:
      return false;
  }
}

/** Staff, or an agent for the business itself rather than for one customer: pricing, promotions. */
export function isBackOffice(principal: Principal): boolean {
  return principal.kind === 'staff' || (principal.kind === 'agent' && principal.onBehalfOf === undefined);
}

/** Staff, or an agent (for that customer if bound): never the customer who would receive it. */
export function mayCreditCustomer(principal: Principal, customerId: string): boolean {
  return principal.kind !== 'customer' && mayActForCustomer(principal, customerId);
}

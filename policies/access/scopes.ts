import type { Principal } from '../principal.js';

/** What a principal may be allowed to do. Agents hold scopes directly; staff get them from their roles. */
export const SCOPES = {
  customersRead: 'customers:read',
  piiRead: 'pii:read',
  consentRead: 'consent:read',
  consentWrite: 'consent:write',
  cartRead: 'cart:read',
  cartWrite: 'cart:write',
  ordersRead: 'orders:read',
  pricingRead: 'pricing:read',
  fulfillmentRead: 'fulfillment:read',
  ordersPlace: 'orders:place',
  promotionsLaunch: 'promotions:launch',
  pricingWrite: 'pricing:write',
  creditsIssue: 'credits:issue',
  actionsRead: 'actions:read',
  actionsApprove: 'actions:approve',
  auditRead: 'audit:read',
} as const;

export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

/** Staff roles and the scopes each one grants. */
export const ROLE_SCOPES: Record<string, readonly Scope[]> = {
  service: [
    SCOPES.customersRead,
    SCOPES.piiRead,
    SCOPES.consentRead,
    SCOPES.consentWrite,
    SCOPES.cartRead,
    SCOPES.cartWrite,
    SCOPES.ordersRead,
    SCOPES.ordersPlace,
    SCOPES.creditsIssue,
    SCOPES.actionsRead,
  ],
  pricing: [SCOPES.pricingRead, SCOPES.pricingWrite, SCOPES.promotionsLaunch],
  operations: [SCOPES.fulfillmentRead, SCOPES.actionsRead],
  supervisor: [SCOPES.actionsRead, SCOPES.actionsApprove],
  auditor: [SCOPES.auditRead],
};

export function scopesOf(principal: Principal): readonly string[] {
  switch (principal.kind) {
    case 'agent':
      return principal.scopes;
    case 'staff':
      return principal.roles.flatMap((role) => ROLE_SCOPES[role] ?? []);
    default:
      return [];
  }
}

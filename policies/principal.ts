/**
 * Who is asking. Every request to the gateway resolves to exactly one principal;
 * a request without a token is the anonymous storefront.
 */
export type Principal = AnonymousPrincipal | CustomerPrincipal | StaffPrincipal | AgentPrincipal;

export const PRINCIPAL_KINDS = ['anonymous', 'customer', 'staff', 'agent'] as const;
export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

/** A storefront visitor: no token. */
export interface AnonymousPrincipal {
  kind: 'anonymous';
}

/** A signed-in shopper, `id` being their customer id (`C0001`). */
export interface CustomerPrincipal {
  kind: 'customer';
  id: string;
}

/** An employee; what they may do comes from their roles (see `roles.ts`). */
export interface StaffPrincipal {
  kind: 'staff';
  id: string;
  roles: string[];
}

/** An AI agent; what it may do comes from its scopes, optionally for one customer only. */
export interface AgentPrincipal {
  kind: 'agent';
  id: string;
  scopes: string[];
  /** The customer this agent acts for, when it acts for one. */
  onBehalfOf?: string;
}

export const ANONYMOUS: AnonymousPrincipal = { kind: 'anonymous' };

/** A short, log-safe description: `agent:support-bot (for C0001)`. */
export function describePrincipal(principal: Principal): string {
  switch (principal.kind) {
    case 'anonymous':
      return 'anonymous';
    case 'customer':
      return `customer:${principal.id}`;
    case 'staff':
      return `staff:${principal.id}`;
    case 'agent':
      return `agent:${principal.id}${principal.onBehalfOf ? ` (for ${principal.onBehalfOf})` : ''}`;
  }
}

/** Who acts, without whom for: `agent:support-bot`, `staff:S01`, `anonymous` (the audit log's `principal`). */
export function describeActor(principal: Principal): string {
  return principal.kind === 'anonymous' ? 'anonymous' : `${principal.kind}:${principal.id}`;
}

/** Whom an agent acts for, as the audit log names it: `customer:C0001`; null when it acts for no one. */
export function describeOnBehalfOf(principal: Principal): string | null {
  return principal.kind === 'agent' && principal.onBehalfOf ? `customer:${principal.onBehalfOf}` : null;
}

/** The domain subgraphs an orchestration speaks to, never their vendors. */
export const DOMAIN_SUBGRAPHS = ['inventory', 'fulfillment', 'payments', 'commerce', 'pim', 'crm'] as const;
export type DomainSubgraph = (typeof DOMAIN_SUBGRAPHS)[number];

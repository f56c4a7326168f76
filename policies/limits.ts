import type { PrincipalKind } from './principal.js';

/** How big an operation each kind of caller may send; beyond any one of these, it is refused unrun. */
export interface OperationLimits {
  /** Deepest field nesting. */
  depth: number;
  aliases: number;
  directives: number;
  /** Lexical tokens of the whole document. */
  tokens: number;
  /** GraphQL Armor's static cost: objects 2, scalars 1, growing with depth. */
  cost: number;
}

export const OPERATION_LIMITS: Record<PrincipalKind, OperationLimits> = {
  anonymous: { depth: 10, aliases: 20, directives: 10, tokens: 1_500, cost: 5_000 },
  customer: { depth: 10, aliases: 20, directives: 10, tokens: 2_000, cost: 8_000 },
  agent: { depth: 12, aliases: 30, directives: 20, tokens: 3_000, cost: 20_000 },
  staff: { depth: 15, aliases: 50, directives: 30, tokens: 5_000, cost: 50_000 },
};

import type { PolicyContext } from '../../policies/access/rule-kinds.js';

type RuleResult = boolean | string | Error;

/** One access decision, kept on the request for the audit log. */
export interface PolicyDecision {
  rule: string;
  /** `Type.field` */
  coordinate: string;
  /** Response path; inside a list before planning, without indices. */
  path: (string | number)[];
  principal: string;
  allow: boolean;
  /** `planning`: decided before any subgraph was called; `result`: on the fetched data. */
  stage: 'planning' | 'result';
}

/** What the gateway hands to shield: the principal, shield's per-request rule cache, and the decisions. */
export interface PolicyRequestContext extends PolicyContext {
  _shield: { cache: Record<string, RuleResult | Promise<RuleResult>> };
  policyDecisions: PolicyDecision[];
  /** Every field the operation selects is open to every principal: its answer cannot depend on who asks. */
  publicOperation?: boolean;
}

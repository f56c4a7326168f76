/**
 * What a guardrail says about one planned write. Every guardrail answers for every action it governs,
 * allowed or not, so a dry run can show all of them and the audit record keeps the full picture.
 */
export type Decision = 'ALLOW' | 'DENY' | 'NEEDS_APPROVAL';

export interface Verdict {
  /** The guardrail's name, e.g. `minimum-margin`. */
  guardrail: GuardrailName;
  decision: Decision;
  /** What it was decided about: a sku, a product id, a customer id. */
  subject: string;
  /** The limit it holds to, e.g. `31.05 EUR` or `3 changes`. */
  limit: string;
  /** The value it was checked against that limit, e.g. `29.99 EUR`. */
  value: string;
  /** One sentence a person or an agent can act on. */
  message: string;
}

export const GUARDRAIL_NAMES = [
  'max-discount-by-category',
  'minimum-margin',
  'price-changes-per-day',
  'negotiated-discount-price-lock',
  'safety-stock',
  'warehouse-capacity',
  'goodwill-approval',
  'agent-money-per-day',
] as const;

export type GuardrailName = (typeof GUARDRAIL_NAMES)[number];

type Findings = Pick<Verdict, 'subject' | 'limit' | 'value'>;

/** The verdict of `guardrail`: ALLOW when `holds`, else `otherwise`, with the message for that decision. */
export function judge(
  guardrail: GuardrailName,
  holds: boolean,
  findings: Findings,
  messages: { allow: string; otherwise: string },
  otherwise: Exclude<Decision, 'ALLOW'> = 'DENY',
): Verdict {
  return holds ? { guardrail, decision: 'ALLOW', ...findings, message: messages.allow } : refuse(guardrail, findings, messages.otherwise, otherwise);
}

/** A verdict that cannot be ALLOW, e.g. when a fact the guardrail needs is missing. */
export function refuse(guardrail: GuardrailName, findings: Findings, message: string, decision: Exclude<Decision, 'ALLOW'> = 'DENY'): Verdict {
  return { guardrail, decision, ...findings, message };
}

/** The verdicts that stop an action outright. */
export function refusals(verdicts: readonly Verdict[]): Verdict[] {
  return verdicts.filter((verdict) => verdict.decision === 'DENY');
}

/** Whether a person has to approve before the action may write. */
export function needsApproval(verdicts: readonly Verdict[]): boolean {
  return verdicts.some((verdict) => verdict.decision === 'NEEDS_APPROVAL');
}

import type { Verdict } from '../../../policies/guardrails/verdict.js';
import type { Principal } from '../../../policies/principal.js';
import type { DomainSubgraph } from '../domain/domain-subgraphs.js';

/** The orchestrated actions, by their mutation's name. */
export type ActionName = 'placeOrder' | 'launchPromotion' | 'changePrice' | 'issueGoodwillCredit';

/**
 * Where an action stands. RUNNING and PENDING_APPROVAL go on; every other status is final. FAILED: it
 * stopped before its first write (a read failed). COMPENSATED: a step failed and every earlier one was
 * undone. NEEDS_ATTENTION: an undo kept failing, so some system may still hold an effect: staff must look.
 */
export type ActionStatus =
  | 'DRY_RUN'
  | 'RUNNING'
  | 'PENDING_APPROVAL'
  | 'COMPLETED'
  | 'COMPENSATED'
  | 'FAILED'
  | 'REFUSED'
  | 'REJECTED'
  | 'NEEDS_ATTENTION';

export const FINAL_STATUSES: ReadonlySet<ActionStatus> = new Set(['COMPLETED', 'COMPENSATED', 'FAILED', 'REFUSED', 'REJECTED', 'NEEDS_ATTENTION']);

/** JSON as it is stored with a workflow and in PostgreSQL. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** One GraphQL call of a domain subgraph, its variables already bound. */
export interface SubgraphOperation {
  subgraph: DomainSubgraph;
  /** The root field it calls, e.g. `reserveStock`. */
  field: string;
  document: string;
  variables: { [key: string]: Json };
}

/** One step of an action's plan: a step mutation, and the one that undoes it by the same reference. */
export interface PlannedStep {
  /** Unique in the action, e.g. `reserve-stock-1`; the step's reference is `<action id>:<name>`. */
  name: string;
  reference: string;
  forward: SubgraphOperation;
  /** None for a step that another step's compensation undoes (a capture is voided with its authorization). */
  compensation: SubgraphOperation | null;
}

/** What an action was asked to do and by whom: the workflow's input, stored with it. */
export interface ActionRequest<I = unknown> {
  actionId: string;
  action: ActionName;
  input: I;
  principal: Principal;
  reason: string | null;
  traceparent: string | null;
  idempotencyKey: string;
  /** When the first request for it arrived (ISO 8601). */
  requestedAt: string;
}

export type StepStatus = 'DONE' | 'COMPENSATED' | 'FAILED' | 'SKIPPED';

export interface StepFailure {
  message: string;
  code: string;
  /** Whether the step may have taken effect: an `unknown` one is compensated by reference too. */
  outcome: 'refused' | 'unknown';
  reason: string | null;
}

export interface Compensation {
  field: string;
  /** UNDONE: an effect was undone; NOTHING_TO_UNDO: the reference had no effect (left); FAILED: retries ran out. */
  status: 'UNDONE' | 'NOTHING_TO_UNDO' | 'FAILED';
  startedAt: string;
  durationMs: number;
  attempts: number;
  error: string | null;
}

export interface StepResult {
  name: string;
  subgraph: DomainSubgraph;
  field: string;
  reference: string;
  status: StepStatus;
  startedAt: string | null;
  durationMs: number | null;
  /** The step mutation's answer, e.g. the reservation or the order. */
  output: Json;
  error: StepFailure | null;
  compensation: Compensation | null;
}

export interface ApprovalDecision {
  decision: 'APPROVED' | 'REJECTED' | 'EXPIRED';
  /** `staff:S01`; null when the request expired. */
  by: string | null;
  reason: string | null;
  at: string;
}

/** What an action did, as its mutation answers and `actions` lists it. */
export interface ActionOutcome {
  actionId: string;
  action: ActionName;
  status: ActionStatus;
  dryRun: boolean;
  idempotencyKey: string;
  /** `agent:support-bot (for C0001)`. */
  principal: string;
  reason: string | null;
  plan: PlannedStep[];
  verdicts: Verdict[];
  steps: StepResult[];
  approval: ApprovalDecision | null;
  /** Why it did not complete, in one sentence. */
  error: string | null;
  createdAt: string | null;
  finishedAt: string | null;
}

import type { GuardrailLimits } from '../../../policies/guardrails/limits.js';
import type { ActionAuditLog } from '../audit/action-audit.js';
import type { SubgraphClient } from '../domain/subgraph-client.js';
import type { ActionStore } from '../store/action-store.js';
import type { GuardrailLedgers } from '../store/guardrail-ledgers.js';
import type { RetrySettings } from './retries.js';

/** What the workflows' steps use; set once, before DBOS launches. */
export interface WorkflowDependencies {
  client: SubgraphClient;
  store: ActionStore;
  ledgers: GuardrailLedgers;
  /** What the guardrails hold to: `GUARDRAIL_LIMITS` but in tests. */
  limits: GuardrailLimits;
  audit: ActionAuditLog;
  /** A step whose outcome is unknown (no answer) is tried again by its reference before the action gives up on it. */
  stepRetries: RetrySettings;
  /** An undo that fails is tried again this often before the action ends NEEDS_ATTENTION. */
  compensationRetries: RetrySettings;
  /** How long a credit waits for a staff decision before it expires (and is rejected). */
  approvalTimeoutSeconds: number;
}

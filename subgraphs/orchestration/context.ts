import type { PrincipalAssertion } from '../../lib/identity/principal-assertion.js';
import type { SubgraphContext } from '../../lib/subgraph/subgraph-service.js';
import type { Actions } from './actions/actions.js';
import type { AuditLogReader } from './audit/audit-log-query.js';

/** What the orchestration subgraph's resolvers get with every request. */
export interface OrchestrationContext extends SubgraphContext {
  actions: Actions;
  /** Reads the audit log (`auditLog`), for auditors. */
  auditLog: AuditLogReader;
  /** Who asks, as the gateway asserted it; anonymous without a valid assertion. */
  caller: PrincipalAssertion;
}

import type { AuditLogFilter, AuditLogPage } from '../../../lib/audit/query.js';
import type { PrincipalAssertion } from '../../../lib/identity/principal-assertion.js';
import { scopesOf, SCOPES } from '../../../policies/access/scopes.js';
import { forbidden } from '../actions/errors.js';

/** Reads a page of the audit log; the orchestration subgraph holds the PostgreSQL it lives in. */
export type AuditLogReader = (filter: AuditLogFilter) => Promise<AuditLogPage>;

/**
 * `auditLog(filter:)`: for auditors only (`audit:read`), checked here as well as by the access policy at
 * the gateway, since a record tells who did what for whom.
 */
export function readAuditLogAs(caller: PrincipalAssertion, read: AuditLogReader, filter: AuditLogFilter): Promise<AuditLogPage> {
  if (!scopesOf(caller.principal).includes(SCOPES.auditRead)) throw forbidden('The audit log is for auditors: audit:read is needed');
  return read(filter);
}

import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { AuditEntry } from '../../lib/audit/record.js';
import { ErrorCode } from '../../lib/errors.js';
import type { GatewayContext } from '../context.js';
import type { AuditedFields } from './audited-fields.js';
import { recordedRequestOf, requestEntry } from './request-entry.js';
import { selectedActions, type SelectedAction } from './selected-actions.js';

export interface AuditOptions {
  /** Where records go; an append resolves once its record is durable. */
  log: { append(entry: AuditEntry): Promise<unknown> };
  audited: AuditedFields;
}

/**
 * Every request that selects an `@audit` field writes one record per such field before its answer
 * leaves: who asked (and for whom), why, the operation, its variables redacted, the access decisions
 * and the outcome. It runs as a plugin, around the executor, so an answer served from a cache is
 * audited like a fresh one. An answer whose record cannot be written is not sent: its data is
 * replaced by an AUDIT_UNAVAILABLE error.
 */
export function useAudit({ log, audited }: AuditOptions): ApolloServerPlugin<GatewayContext> {
  const actionsOf = selectedActions(audited);
  return {
    requestDidStart: async () => ({
      willSendResponse: async (requestContext) => {
        const { document, schema } = requestContext;
        if (!document) return;
        // Refusals of the rate limits are recorded in aggregate by `useRateLimits`, not one record per refused call.
        if (requestContext.errors?.some((error) => error.extensions.code === ErrorCode.RATE_LIMITED)) return;
        const actions = actionsOf(schema, document, requestContext.request.variables ?? {});
        if (actions.length === 0) return;
        try {
          await Promise.all(actions.map((selected) => log.append(entryFor(requestContext, selected))));
        } catch (error) {
          withhold(requestContext, error as Error);
        }
      },
    }),
  };
}

function entryFor(requestContext: GraphQLRequestContextWillSendResponse<GatewayContext>, { action, args }: SelectedAction): AuditEntry {
  const { contextValue, response } = requestContext;
  const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
  return requestEntry({ ...recordedRequestOf(requestContext), args }, {
    action,
    decisions: contextValue.policyDecisions.map((decision) => ({
      kind: 'access' as const,
      name: `${decision.coordinate} ${decision.rule}`,
      verdict: decision.allow ? ('allow' as const) : ('deny' as const),
    })),
    outcome: outcomeOf(errors.map((error) => error.extensions?.code)),
  });
}

/** Codes that say the request was refused, not that something failed: the policy's, a guardrail's. */
const REFUSALS: unknown[] = [ErrorCode.FORBIDDEN, ErrorCode.GUARDRAIL_REFUSED];

/** `served` without errors; `refused` when the policy or a guardrail said no; otherwise `failed`. */
function outcomeOf(codes: unknown[]): string {
  if (codes.length === 0) return 'served';
  return codes.some((code) => REFUSALS.includes(code)) ? 'refused' : 'failed';
}

function withhold({ response }: GraphQLRequestContextWillSendResponse<GatewayContext>, error: Error): void {
  if (response.body.kind !== 'single') return;
  const unavailable = new GraphQLError(`The audit log cannot record this request, so its answer is withheld: ${error.message}`, {
    extensions: { code: ErrorCode.AUDIT_UNAVAILABLE },
  });
  response.body.singleResult = { data: null, errors: [unavailable.toJSON()] };
  response.http.status = 503;
}

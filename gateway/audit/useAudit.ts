import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { redact } from '../../lib/audit/redact.js';
import type { AuditEntry, JsonValue } from '../../lib/audit/record.js';
import { traceIdOf } from '../../lib/audit/traceparent.js';
import { ErrorCode } from '../../lib/errors.js';
import { describeActor, describeOnBehalfOf } from '../../policies/principal.js';
import type { GatewayContext } from '../context.js';
import { AGENT_REASON_HEADER } from '../identity/forwarded-principal.js';
import type { AuditedFields } from './audited-fields.js';
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
  const { contextValue, request, operation, queryHash, response } = requestContext;
  const { principal, policyDecisions } = contextValue;
  const variables = (request.variables ?? {}) as { [key: string]: JsonValue };
  const reason = request.http?.headers.get(AGENT_REASON_HEADER) ?? text(args.reason);
  const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
  return {
    traceId: traceIdOf(request.http?.headers.get('traceparent')),
    principal: describeActor(principal),
    onBehalfOf: describeOnBehalfOf(principal),
    reason,
    operationName: operation?.name?.value ?? request.operationName ?? null,
    operationHash: queryHash ?? null,
    action,
    actionId: null,
    step: null,
    idempotencyKey: text(args.idempotencyKey),
    variables: redact(variables),
    decisions: policyDecisions.map((decision) => ({
      kind: 'access' as const,
      name: `${decision.coordinate} ${decision.rule}`,
      verdict: decision.allow ? ('allow' as const) : ('deny' as const),
    })),
    steps: [],
    outcome: outcomeOf(errors.map((error) => error.extensions?.code)),
  };
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** `served` without errors; `refused` when the policy denied something; otherwise `failed`. */
function outcomeOf(codes: unknown[]): string {
  if (codes.length === 0) return 'served';
  return codes.includes(ErrorCode.FORBIDDEN) ? 'refused' : 'failed';
}

function withhold({ response }: GraphQLRequestContextWillSendResponse<GatewayContext>, error: Error): void {
  if (response.body.kind !== 'single') return;
  const unavailable = new GraphQLError(`The audit log cannot record this request, so its answer is withheld: ${error.message}`, {
    extensions: { code: ErrorCode.AUDIT_UNAVAILABLE },
  });
  response.body.singleResult = { data: null, errors: [unavailable.toJSON()] };
  response.http.status = 503;
}

import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { ActionOptions } from './actions/actions.js';
import type { ActionName, ActionOutcome, PlannedStep, StepResult } from './actions/model.js';
import type { AuditLogFilter } from '../../lib/audit/query.js';
import type { AuditRecord } from '../../lib/audit/record.js';
import { readAuditLogAs } from './audit/audit-log-query.js';
import type { OrchestrationContext } from './context.js';

type ActionArgs = Record<string, unknown> & { idempotencyKey: string; dryRun?: boolean | null; reason?: string | null };

function optionsOf(args: ActionArgs): ActionOptions {
  return { idempotencyKey: args.idempotencyKey, dryRun: args.dryRun === true, reason: args.reason?.trim() || null };
}

/** One resolver per action mutation: its arguments, minus the options every action takes, are the input. */
function action(name: ActionName) {
  return (_: unknown, { idempotencyKey, dryRun, reason, ...args }: ActionArgs, { actions, caller }: OrchestrationContext) =>
    actions.run(name, { ...args, reason }, optionsOf({ idempotencyKey, dryRun, reason }), caller);
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export const resolvers: GraphQLResolverMap<OrchestrationContext> = {
  Query: {
    actions: (_: unknown, args: { status?: ActionOutcome['status'] | null; first?: number | null }, { actions, caller }: OrchestrationContext) =>
      actions.list(args.status ?? null, args.first ?? 50, caller),
    action: (_: unknown, args: { id: string }, { actions, caller }: OrchestrationContext) => actions.get(args.id, caller),
    auditLog: (_: unknown, { filter, first, after }: { filter?: AuditLogFilter | null; first?: number | null; after?: string | null }, { auditLog, caller }: OrchestrationContext) =>
      readAuditLogAs(caller, auditLog, { ...filter, first, after }),
  },

  AuditRecord: {
    variables: (record: AuditRecord) => JSON.stringify(record.variables),
    steps: (record: AuditRecord) => JSON.stringify(record.steps),
  },

  Mutation: {
    placeOrder: action('placeOrder'),
    launchPromotion: action('launchPromotion'),
    changePrice: action('changePrice'),
    issueGoodwillCredit: action('issueGoodwillCredit'),
    approveAction: (_: unknown, args: { id: string; reason?: string | null }, { actions, caller }: OrchestrationContext) =>
      actions.decide(args.id, 'APPROVED', args.reason?.trim() || null, caller),
    rejectAction: (_: unknown, args: { id: string; reason?: string | null }, { actions, caller }: OrchestrationContext) =>
      actions.decide(args.id, 'REJECTED', args.reason?.trim() || null, caller),
  },

  ActionKind: { PLACE_ORDER: 'placeOrder', LAUNCH_PROMOTION: 'launchPromotion', CHANGE_PRICE: 'changePrice', ISSUE_GOODWILL_CREDIT: 'issueGoodwillCredit' },

  ActionResult: {
    id: (outcome: ActionOutcome) => outcome.actionId,
    guardrails: (outcome: ActionOutcome) => outcome.verdicts,
  },

  ActionPlanStep: {
    subgraph: (step: PlannedStep) => step.forward.subgraph,
    mutation: (step: PlannedStep) => step.forward.field,
    arguments: (step: PlannedStep) => json(step.forward.variables),
    compensation: (step: PlannedStep) => step.compensation?.field ?? null,
  },

  ActionStep: {
    mutation: (step: StepResult) => step.field,
    output: (step: StepResult) => json(step.output),
    error: (step: StepResult) => step.error?.message ?? null,
  },

  ActionCompensation: {
    mutation: (compensation: { field: string }) => compensation.field,
  },
};

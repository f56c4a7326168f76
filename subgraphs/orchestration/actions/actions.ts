import type { PrincipalAssertion } from '../../../lib/identity/principal-assertion.js';
import { badUserInput } from '../../../lib/subgraph/bad-user-input.js';
import type { GuardrailLimits } from '../../../policies/guardrails/limits.js';
import { describePrincipal, type Principal } from '../../../policies/principal.js';
import type { ActionStore } from '../store/action-store.js';
import type { GuardrailLedgers } from '../store/guardrail-ledgers.js';
import type { SubgraphClient } from '../domain/subgraph-client.js';
import { actionReads, judge } from '../workflow/decide.js';
import type { Engine } from '../workflow/engine.js';
import { asGraphQLError, forbidden, guardrailRefused, signInRequired } from './errors.js';
import { actionIdOf, inputHashOf } from './identity.js';
import { FINAL_STATUSES, type ActionName, type ActionOutcome, type ActionRequest } from './model.js';
import { outcomeOf } from './outcome.js';
import { ACTIONS } from './registry.js';

/** What every action's mutation takes besides its own arguments. */
export interface ActionOptions {
  idempotencyKey: string;
  dryRun: boolean;
  reason: string | null;
}

/** What the resolvers call. */
export interface Actions {
  run(action: ActionName, args: Record<string, unknown>, options: ActionOptions, caller: PrincipalAssertion): Promise<ActionOutcome>;
  decide(actionId: string, decision: 'APPROVED' | 'REJECTED', reason: string | null, caller: PrincipalAssertion): Promise<ActionOutcome>;
  /** Staff only. */
  list(status: ActionOutcome['status'] | null, first: number, caller: PrincipalAssertion): Promise<ActionOutcome[]>;
  /** Staff, or the principal who asked for it. */
  get(actionId: string, caller: PrincipalAssertion): Promise<ActionOutcome | null>;
}

export interface ActionsDependencies {
  engine: Engine;
  store: ActionStore;
  ledgers: GuardrailLedgers;
  limits: GuardrailLimits;
  client: SubgraphClient;
}

export function createActions({ engine, store, ledgers, limits, client }: ActionsDependencies): Actions {
  return {
    async run(action, args, options, { principal, traceparent, reason }) {
      if (principal.kind === 'anonymous') throw signInRequired();
      const definition = ACTIONS[action];
      const input = definition.readInput(args);
      if (!definition.mayRun(principal, input)) throw forbidden(`${describePrincipal(principal)} may not run ${action} on this input`);
      const request: ActionRequest = {
        actionId: actionIdOf(principal, action, options.idempotencyKey),
        action,
        input,
        principal,
        // The `reason` argument, else the agent's `x-agent-reason`, which the gateway forwards signed.
        reason: options.reason ?? reason ?? null,
        traceparent: traceparent ?? null,
        idempotencyKey: options.idempotencyKey,
        requestedAt: new Date().toISOString(),
      };
      if (options.dryRun) {
        // Reads only: no claim (the key stays unused), no workflow, no record.
        const { facts, verdicts } = await judge(definition, actionReads({ client, ledgers }, request), input, limits).catch(asGraphQLError);
        const plan = definition.plan(input, facts, (step) => `${request.actionId}:${step}`);
        return { ...outcomeOf(request, 'DRY_RUN'), plan, verdicts };
      }
      const claim = await store.claim(request, inputHashOf(action, input), outcomeOf(request, 'RUNNING'));
      if (!claim.fresh && isAnswered(claim.outcome)) return acknowledged(claim.outcome);
      return acknowledged(await engine.run(request));
    },

    async decide(actionId, decision, reason, { principal }) {
      if (principal.kind !== 'staff') throw forbidden('Only staff approve or reject actions');
      const found = await store.get(actionId);
      if (!found) throw badUserInput(`No action "${actionId}"`);
      if (sameActor(found.request.principal, principal)) throw forbidden('Nobody approves or rejects their own action');
      if (found.outcome.status !== 'PENDING_APPROVAL' && found.outcome.approval === null) {
        throw badUserInput(`Action ${actionId} is ${found.outcome.status}: it is not waiting for approval`, { status: found.outcome.status });
      }
      return engine.decide(actionId, { decision, by: `staff:${principal.id}`, reason });
    },

    async list(status, first, { principal }) {
      if (principal.kind !== 'staff') throw forbidden('Only staff list actions');
      if (!Number.isInteger(first) || first < 1 || first > 200) throw badUserInput('"first" must be from 1 to 200');
      return store.list(status, first);
    },

    async get(actionId, { principal }) {
      if (principal.kind === 'anonymous') throw signInRequired();
      const found = await store.get(actionId);
      if (!found || (principal.kind !== 'staff' && !sameActor(found.request.principal, principal))) return null;
      return found.outcome;
    },
  };
}

/** Finished, or waiting for approval: a repeated request is answered from the stored outcome. */
function isAnswered(outcome: ActionOutcome): boolean {
  return FINAL_STATUSES.has(outcome.status) || outcome.status === 'PENDING_APPROVAL';
}

/** A refusal is answered as GUARDRAIL_REFUSED, the first time and every time the key is used again. */
function acknowledged(outcome: ActionOutcome): ActionOutcome {
  if (outcome.status === 'REFUSED') throw guardrailRefused(outcome);
  return outcome;
}

function sameActor(a: Principal, b: Principal): boolean {
  return a.kind === b.kind && a.kind !== 'anonymous' && b.kind !== 'anonymous' && a.id === b.id;
}

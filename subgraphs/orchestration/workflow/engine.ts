import { DBOS } from '@dbos-inc/dbos-sdk';
import type { ActionName, ActionOutcome, ActionRequest } from '../actions/model.js';
import { ACTIONS } from '../actions/registry.js';
import { actionWorkflow } from './action-workflow.js';
import { APPROVAL_TOPIC, PAUSED_EVENT, type ApprovalMessage } from './approval.js';
import type { WorkflowDependencies } from './dependencies.js';
import { migrateDbosOnce } from './migrate-dbos.js';

export interface EngineSettings {
  /** Where DBOS keeps its `dbos` schema: the same PostgreSQL as the orchestrator's tables. */
  databaseUrl: string;
  /** DBOS recovers, on start, the unfinished workflows of this executor id: one per instance, stable across restarts. */
  executorId: string;
  applicationVersion: string;
}

/** DBOS Transact in this process: the actions' workflows, registered once, before launch. */
export interface Engine {
  /**
   * Starts the action's workflow under its id, or joins the one that id names already (DBOS starts a
   * workflow id once), and answers when it is finished or waits for approval.
   */
  run(request: ActionRequest): Promise<ActionOutcome>;
  /** Sends a staff decision to a waiting workflow (once per action) and answers when it is finished. */
  decide(actionId: string, message: ApprovalMessage): Promise<ActionOutcome>;
  /** Starts the workflows of claims older than `seconds` that have none: their process died between claim and start. */
  startOrphans(requests: ActionRequest[]): Promise<void>;
  close(): Promise<void>;
}

/** Waiting for the PAUSED event is given up after this; the workflow's result still answers. */
const PAUSE_WAIT_SECONDS = 300;
/**
 * How often a handle of a workflow running elsewhere (another request's, another instance's, or one
 * woken by a decision) looks for its result; DBOS's default is a second. A handle of a workflow this
 * request started awaits it directly.
 */
const RESULT_POLL = { pollingIntervalMs: 100 };

export async function launchEngine(deps: WorkflowDependencies, settings: EngineSettings): Promise<Engine> {
  const workflows = new Map(
    Object.values(ACTIONS).map((definition) => [definition.name, DBOS.registerWorkflow(actionWorkflow(definition, deps), { name: definition.name })]),
  );
  DBOS.setConfig({
    name: 'orchestration',
    systemDatabaseUrl: settings.databaseUrl,
    executorID: settings.executorId,
    applicationVersion: settings.applicationVersion,
    logLevel: 'warn',
  });
  await migrateDbosOnce(settings.databaseUrl);
  await DBOS.launch();
  const start = (request: ActionRequest) => DBOS.startWorkflow(workflows.get(request.action as ActionName)!, { workflowID: request.actionId })(request);
  return {
    async run(request) {
      const handle = await start(request);
      if (!ACTIONS[request.action].mayAwaitApproval) return handle.getResult(RESULT_POLL);
      return Promise.race([handle.getResult(RESULT_POLL), whenPaused(request.actionId)]);
    },
    async decide(actionId, message) {
      await DBOS.send(actionId, message, APPROVAL_TOPIC, `${actionId}:decision`);
      return DBOS.retrieveWorkflow<ActionOutcome>(actionId).getResult(RESULT_POLL);
    },
    async startOrphans(requests) {
      for (const request of requests) if (!(await DBOS.getWorkflowStatus(request.actionId))) await start(request);
    },
    close: () => DBOS.shutdown(),
  };
}

/** The PENDING_APPROVAL outcome once the workflow waits; never, if it does not (its result answers instead). */
async function whenPaused(actionId: string): Promise<ActionOutcome> {
  const paused = await DBOS.getEvent<ActionOutcome>(actionId, PAUSED_EVENT, PAUSE_WAIT_SECONDS);
  return paused ?? new Promise<never>(() => {});
}

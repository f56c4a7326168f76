import type { Compensation, PlannedStep, StepResult } from '../actions/model.js';

/** How the saga runs one step and one undo: as DBOS steps in the workflow. */
export interface StepRunner {
  perform(step: PlannedStep): Promise<StepResult>;
  compensate(step: PlannedStep, result: StepResult): Promise<Compensation>;
}

export interface SagaResult {
  steps: StepResult[];
  /** A step failed: what was done before it has been undone (or tried to be). */
  failed: boolean;
  /** An undo ran out of retries: some system may still hold an effect. */
  needsAttention: boolean;
}

/**
 * Runs the steps in order. When one fails, the ones before it are undone in reverse order by their
 * references, and so is the failed one unless it was refused outright (it may have acted and lost its
 * answer); an undo that fails does not stop the others. Steps never reached are SKIPPED.
 * Deterministic: it branches only on the steps' recorded results.
 */
export async function runSaga(plan: readonly PlannedStep[], runner: StepRunner): Promise<SagaResult> {
  const steps: StepResult[] = [];
  for (const step of plan) {
    const result = await runner.perform(step);
    steps.push(result);
    if (result.status === 'FAILED') break;
  }
  const failed = steps.at(-1)?.status === 'FAILED';
  let needsAttention = false;
  if (failed) {
    for (let i = steps.length - 1; i >= 0; i--) {
      const step = plan[i]!;
      const result = steps[i]!;
      if (!step.compensation || result.error?.outcome === 'refused') continue;
      const compensation = await runner.compensate(step, result);
      needsAttention ||= compensation.status === 'FAILED';
      steps[i] = { ...result, status: result.status === 'DONE' && compensation.status !== 'FAILED' ? 'COMPENSATED' : result.status, compensation };
    }
  }
  const skipped = plan.slice(steps.length).map((step): StepResult => ({
    name: step.name,
    subgraph: step.forward.subgraph,
    field: step.forward.field,
    reference: step.reference,
    status: 'SKIPPED',
    startedAt: null,
    durationMs: null,
    output: null,
    error: null,
    compensation: null,
  }));
  return { steps: [...steps, ...skipped], failed, needsAttention };
}

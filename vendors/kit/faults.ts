import type { RequestHandler } from 'express';

/** What a simulator has been told to do wrong; set through `PUT /_admin/faults`. */
export interface Faults {
  /** Added to every vendor call before it is answered. */
  latencyMs: number;
  /** Share of vendor calls (0 to 1) answered with `failStatus` instead. */
  failRate: number;
  failStatus: number;
}

export const noFaults: Faults = { latencyMs: 0, failRate: 0, failStatus: 503 };

export function parseFaults(body: unknown): Faults {
  const input = (body ?? {}) as Record<string, unknown>;
  const faults = { ...noFaults, ...input } as Faults;
  const valid =
    Number.isFinite(faults.latencyMs) &&
    faults.latencyMs >= 0 &&
    Number.isFinite(faults.failRate) &&
    faults.failRate >= 0 &&
    faults.failRate <= 1 &&
    Number.isInteger(faults.failStatus) &&
    faults.failStatus >= 400 &&
    faults.failStatus <= 599;
  if (!valid) {
    throw new Error('faults must be { latencyMs >= 0, failRate in [0, 1], failStatus in [400, 599] }');
  }
  return { latencyMs: faults.latencyMs, failRate: faults.failRate, failStatus: faults.failStatus };
}

/** Applies the current faults to a vendor call: waits, then maybe answers with an error. */
export function injectFaults(current: () => Faults): RequestHandler {
  return async (_req, res, next) => {
    const { latencyMs, failRate, failStatus } = current();
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (failRate > 0 && Math.random() < failRate) {
      res.status(failStatus).json({ error: 'injected_fault', status: failStatus });
      return;
    }
    next();
  };
}

import type { CallCounts } from './app.js';
import type { Effect } from './effects.js';
import type { FaultsInput } from './faults.js';

/** Drives a simulator's admin API from tests and benchmarks. */
export interface SimulatorAdmin {
  calls(): Promise<CallCounts>;
  /**
   * Replaces all faults, e.g. `{ failRate: 1 }` for every route, or
   * `{ routes: { 'POST /erp/v1/allocations': { actedResponseLost: true } } }` for one.
   */
  setFaults(faults: FaultsInput): Promise<void>;
  /** The writes the simulator performed since its last reset, oldest first; only those under `reference` if given. */
  effects(reference?: string): Promise<Effect[]>;
  reset(): Promise<void>;
  /** `PUT /_admin/<path>`: a change to the simulator's data (e.g. `stock`), answered with what changed. */
  change(path: string, body: unknown): Promise<unknown>;
}

export function simulatorAdmin(baseUrl: string): SimulatorAdmin {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/_admin/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${baseUrl}/_admin/${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  return {
    calls: () => call('GET', 'calls') as Promise<CallCounts>,
    setFaults: async (faults) => {
      await call('PUT', 'faults', faults);
    },
    effects: async (reference) => {
      const { effects } = (await call('GET', 'effects')) as { effects: Effect[] };
      return reference === undefined ? effects : effects.filter((effect) => effect.reference === reference);
    },
    reset: async () => {
      await call('POST', 'reset');
    },
    change: (path, body) => call('PUT', path, body),
  };
}

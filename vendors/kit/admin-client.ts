import type { CallCounts } from './app.js';
import type { Faults } from './faults.js';

/** Drives a simulator's admin API from tests and benchmarks. */
export interface SimulatorAdmin {
  calls(): Promise<CallCounts>;
  setFaults(faults: Partial<Faults>): Promise<void>;
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
    reset: async () => {
      await call('POST', 'reset');
    },
    change: (path, body) => call('PUT', path, body),
  };
}

/** What `SoftTimeout.race` answers when the subgraph has not answered in time. */
export const OVERDUE = Symbol('overdue');

/**
 * How long a request with a stale fallback waits for its subgraph (bentocache calls it a soft timeout).
 * A call that outlives it is left running, to refresh the entry when it answers; while it runs, every
 * request for its key gets the fallback at once instead of joining it, so one hung call costs each
 * page at most this wait, not the subgraph's whole timeout.
 */
export interface SoftTimeout {
  /** The call for this key has outlived the soft timeout and still runs. */
  isOverdue(key: string): boolean;
  /** The call's outcome, or OVERDUE once the soft timeout passes first. */
  race<T>(key: string, call: Promise<T>): Promise<T | typeof OVERDUE>;
}

export function createSoftTimeout(ms: number): SoftTimeout {
  const overdue = new Set<string>();
  return {
    isOverdue: (key) => overdue.has(key),
    race(key, call) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<typeof OVERDUE>((resolve) => {
        timer = setTimeout(() => {
          overdue.add(key);
          resolve(OVERDUE);
        }, ms);
      });
      call.then(
        () => settle(),
        () => settle(),
      );
      function settle() {
        clearTimeout(timer);
        overdue.delete(key);
      }
      return Promise.race([call, late]);
    },
  };
}

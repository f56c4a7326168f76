/** Concurrent calls for one key share one run of `work`: the first starts it, the others wait for its outcome. */
export function singleFlight<T>(): (key: string, work: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (key, work) => {
    let flight = running.get(key);
    if (!flight) {
      flight = work().finally(() => running.delete(key));
      running.set(key, flight);
    }
    return flight;
  };
}

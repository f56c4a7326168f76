/**
 * Hive Gateway's response cache as the bench runs it: whole answers for one minute, or less when a
 * subgraph's `Cache-Control` says so (Hive takes the smallest `max-age` of the fetches), one entry per
 * `Authorization` header so that no caller's answer is served to another.
 */
export const HIVE_RESPONSE_CACHE = {
  ttl: 60_000,
  session: (request: Request) => request.headers.get('authorization'),
};

/** The configuration as printed above the tables, the session function by its source. */
export function describeHiveResponseCache(): string {
  return JSON.stringify({ ...HIVE_RESPONSE_CACHE, session: String(HIVE_RESPONSE_CACHE.session) });
}

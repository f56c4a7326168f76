/** W3C Trace Context: `version-traceid-parentid-flags`, lower-case hex. */
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}/;
const INVALID_TRACE_ID = '0'.repeat(32);

/** The trace id of a `traceparent` header, or null when there is none or it is malformed. */
export function traceIdOf(traceparent: string | undefined | null): string | null {
  const traceId = TRACEPARENT.exec(traceparent?.trim() ?? '')?.[1];
  return traceId && traceId !== INVALID_TRACE_ID ? traceId : null;
}

import type { SubgraphEndpoint } from '../../gateway/supergraph.js';
import { differences, errorsOf, hasKeys, isObject, type AllowedDifference, type Answer } from './differential-compare.js';

// ─── The allowed differences: one short, reviewed list. Never widen an entry to make a test pass. ───

/** Top-level `extensions` keys a layer of ours adds on purpose, each with its reason. */
const OUR_RESPONSE_EXTENSIONS: Record<string, string> = {
  stale:
    'The fetch cache (gateway/cache/) lists the fetches it answered past their max-age, with path, subgraph, age and ' +
    'reason (stale-while-revalidate, stale-if-error), so a client can decide; plain has no cache. The data must still ' +
    'be what plain answers: only this key is explained.',
};

export const ALLOWED_DIFFERENCES: AllowedDifference[] = [
  {
    name: 'unauthenticated',
    reason:
      'Ours verifies every Authorization header, with the access policy off too: a malformed, forged or expired ' +
      'credential is refused unrun (HTTP 401, UNAUTHENTICATED) where plain ignores the header and answers. ' +
      'A gateway never silently ignores a bad credential.',
    reconcile: (ours, theirs, { headers }) =>
      refusedUnrun(ours, 401, 'UNAUTHENTICATED', /^Unauthenticated: /) && carriesAuthorization(headers) ? theirs : null,
  },
  {
    name: 'operation-limits',
    reason:
      'Our operation limits (policies/limits.ts) are generic protection that holds on every supergraph: ' +
      'an operation beyond them is refused unrun (HTTP 400, QUERY_TOO_COMPLEX) where plain runs it.',
    reconcile: (ours, theirs) =>
      refusedUnrun(ours, 400, 'QUERY_TOO_COMPLEX', / \(limit for \w+ callers\)$/) && theirs.status === 200 ? theirs : null,
  },
  {
    name: 'subgraph-unavailable',
    reason:
      'Where a subgraph refuses the connection, ours names it (SUBGRAPH_UNAVAILABLE, serviceName, at the path its ' +
      "data was for) in place of the fetch error plain passes on, whose message holds the subgraph's internal address. " +
      "Once the subgraph's circuit is open, ours says so (`circuit open`) and does not call it again for a while.",
    reconcile: (ours, theirs, { subgraphs }) =>
      replaceErrors(ours, theirs, (error, plain, data) => {
        const { subgraph, cause = '' } = ourUnavailable(error, subgraphs, data) ?? {};
        return (
          subgraph !== undefined &&
          (cause === CIRCUIT_OPEN || /^E[A-Z]+$/.test(cause)) &&
          hasKeys(plain, ['message', 'extensions']) &&
          String(plain.message).startsWith(`request to ${subgraph.url} failed, reason: `) &&
          (cause === CIRCUIT_OPEN || String(plain.message).includes(cause)) &&
          differences(plain.extensions, { code: 'INTERNAL_SERVER_ERROR' }).length === 0
        );
      }),
  },
  {
    name: 'subgraph-http-error',
    reason:
      'Where a subgraph answers with an HTTP error status, ours names it (SUBGRAPH_UNAVAILABLE, serviceName, the status, ' +
      'at the path its data was for) in place of the error plain passes on, whose extensions.response holds the ' +
      "subgraph's internal URL and the body it answered. Once the subgraph's circuit is open, ours says so " +
      '(`circuit open`) and does not call it again for a while.',
    reconcile: (ours, theirs, { subgraphs }) =>
      replaceErrors(ours, theirs, (error, plain, data) => {
        const { subgraph, cause = '' } = ourUnavailable(error, subgraphs, data) ?? {};
        if (!subgraph || !hasKeys(plain, ['message', 'extensions']) || !hasKeys(plain.extensions, ['code', 'response'])) return false;
        const { code, response } = plain.extensions;
        const status = cause === CIRCUIT_OPEN ? Number((response as { status?: unknown }).status) : Number(/^HTTP (\d{3})$/.exec(cause)?.[1]);
        if (!status) return false;
        // Plain codes 401 and 403 UNAUTHENTICATED and FORBIDDEN: those are not this situation.
        return (
          code === 'INTERNAL_SERVER_ERROR' &&
          hasKeys(response, ['url', 'status', 'statusText', 'body']) &&
          response.url === subgraph.url &&
          response.status === status &&
          plain.message === `${status}: ${String(response.statusText)}`
        );
      }),
  },
  ...Object.entries(OUR_RESPONSE_EXTENSIONS).map(([key, reason]) => topLevelExtension(key, reason)),
];

/** What ours says of a subgraph it has stopped calling after consecutive failures. */
const CIRCUIT_OPEN = 'circuit open';

/** Ours is exactly a refusal before running: this status, no data, one error with this code alone and a message of this form. */
function refusedUnrun(ours: Answer, status: number, code: string, message: RegExp): boolean {
  const [error, ...others] = errorsOf(ours.body);
  return (
    ours.status === status &&
    hasKeys(ours.body, ['errors']) &&
    others.length === 0 &&
    hasKeys(error, ['message', 'extensions']) &&
    message.test(String(error.message)) &&
    differences(error.extensions, { code }).length === 0
  );
}

function carriesAuthorization(headers: Record<string, string>): boolean {
  return Object.entries(headers).some(([name, value]) => name.toLowerCase() === 'authorization' && value !== '');
}

/**
 * Puts plain's error in place of each of ours that `explained` accepts at the same index (`data`:
 * plain's); null when the numbers of errors differ or none is explained. The rest must still be equal.
 */
function replaceErrors(ours: Answer, theirs: Answer, explained: (ours: unknown, theirs: unknown, data: unknown) => boolean): Answer | null {
  const [oursErrors, theirsErrors] = [errorsOf(ours.body), errorsOf(theirs.body)];
  if (oursErrors.length !== theirsErrors.length) return null;
  const data = isObject(theirs.body) ? theirs.body.data : undefined;
  const errors = oursErrors.map((error, i) => (explained(error, theirsErrors[i], data) ? theirsErrors[i] : error));
  return errors.some((error, i) => error !== oursErrors[i]) ? { ...ours, body: { ...(ours.body as object), errors } } : null;
}

/**
 * The subgraph of this supergraph that our error names, and the cause it gives, when the error is
 * exactly our SUBGRAPH_UNAVAILABLE, with no path or one into the answer's data.
 */
function ourUnavailable(error: unknown, subgraphs: SubgraphEndpoint[], data: unknown): { subgraph: SubgraphEndpoint; cause: string } | undefined {
  if (!isObject(error)) return undefined;
  const [, name, cause] = /^Subgraph "(.+)" is unavailable: (.+)$/.exec(String(error.message)) ?? [];
  const subgraph = subgraphs.find((candidate) => candidate.name === name);
  if (!subgraph || !cause) return undefined;
  const exact =
    hasKeys(error, error.path === undefined ? ['message', 'extensions'] : ['message', 'path', 'extensions']) &&
    (error.path === undefined || leadsInto(data, error.path)) &&
    differences(error.extensions, { code: 'SUBGRAPH_UNAVAILABLE', serviceName: subgraph.name }).length === 0;
  return exact ? { subgraph, cause } : undefined;
}

/** Whether a response path names a place in `data` (which may hold null). */
function leadsInto(data: unknown, path: unknown): boolean {
  if (!Array.isArray(path) || path.length === 0) return false;
  let here = data;
  for (const step of path) {
    if (Array.isArray(here) && typeof step === 'number' && step < here.length) here = here[step];
    else if (isObject(here) && typeof step === 'string' && step in here) here = here[step];
    else return false;
  }
  return true;
}

/** Allows our answer a top-level `extensions[key]` that plain's never has; the rest must still be equal. */
export function topLevelExtension(key: string, reason: string): AllowedDifference {
  return {
    name: `extensions.${key}`,
    reason,
    reconcile: (ours, theirs) => {
      const [added, plain] = [extensionsOf(ours.body), extensionsOf(theirs.body)];
      if (!added || !(key in added) || (plain && key in plain)) return null;
      const { [key]: _added, ...extensions } = added;
      const { extensions: _all, ...body } = ours.body as Record<string, unknown>;
      return { ...ours, body: Object.keys(extensions).length > 0 || plain ? { ...body, extensions } : body };
    },
  };
}

function extensionsOf(body: unknown): Record<string, unknown> | undefined {
  return isObject(body) && isObject(body.extensions) ? body.extensions : undefined;
}

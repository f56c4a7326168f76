import type { IncomingHttpHeaders } from 'node:http';
import { ANONYMOUS, type Principal } from '../../policies/principal.js';
import { createSignatureVerifier, signBody } from '../signing/signed-body.js';

/**
 * How the gateway tells a subgraph who is asking: the principal it verified from the bearer token,
 * as base64url JSON in `x-principal`, with an HMAC over that JSON (INTERNAL_CALL_SECRET) in
 * `x-principal-signature`. A client cannot forge it; a subgraph that trusts only this never reads
 * a token itself. Replays within the tolerance are let through: the assertion says who, not what to do.
 */
export const PRINCIPAL_HEADER = 'x-principal';
export const PRINCIPAL_SIGNATURE_HEADER = 'x-principal-signature';
const TOLERANCE_MS = 60_000;

export interface PrincipalAssertion {
  principal: Principal;
  /** Why the caller says it acts (an agent's `x-agent-reason`). */
  reason?: string;
  /** The W3C trace context of the client's request. */
  traceparent?: string;
}

export function signPrincipalAssertion(assertion: PrincipalAssertion, secret: string, now = Date.now()): Record<string, string> {
  const json = JSON.stringify(assertion);
  return {
    [PRINCIPAL_HEADER]: Buffer.from(json, 'utf8').toString('base64url'),
    [PRINCIPAL_SIGNATURE_HEADER]: signBody(json, secret, now),
  };
}

/** The assertion the headers carry, or null when they carry none, a forged one, a stale one or a malformed one. */
export function verifyPrincipalAssertion(headers: IncomingHttpHeaders, secret: string, now = Date.now): PrincipalAssertion | null {
  const encoded = single(headers[PRINCIPAL_HEADER]);
  if (!encoded) return null;
  const json = Buffer.from(encoded, 'base64url').toString('utf8');
  const verifier = createSignatureVerifier(secret, { toleranceMs: TOLERANCE_MS, refuseReplays: false, now });
  if (!verifier.verify(json, single(headers[PRINCIPAL_SIGNATURE_HEADER])).ok) return null;
  return readAssertion(json);
}

/** The principal of a request: the verified assertion's, else anonymous. */
export function principalOfRequest(headers: IncomingHttpHeaders, secret: string): PrincipalAssertion {
  return verifyPrincipalAssertion(headers, secret) ?? { principal: ANONYMOUS };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function readAssertion(json: string): PrincipalAssertion | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  const principal = readPrincipal(parsed.principal);
  if (!principal || !optionalString(parsed.reason) || !optionalString(parsed.traceparent)) return null;
  return {
    principal,
    ...(parsed.reason === undefined ? {} : { reason: parsed.reason as string }),
    ...(parsed.traceparent === undefined ? {} : { traceparent: parsed.traceparent as string }),
  };
}

function readPrincipal(value: unknown): Principal | null {
  if (!isRecord(value)) return null;
  if (value.kind === 'anonymous') return ANONYMOUS;
  if (typeof value.id !== 'string' || value.id === '') return null;
  const { id } = value;
  switch (value.kind) {
    case 'customer':
      return { kind: 'customer', id };
    case 'staff':
      return isStringList(value.roles) ? { kind: 'staff', id, roles: value.roles } : null;
    case 'agent':
      if (!isStringList(value.scopes) || !optionalString(value.onBehalfOf)) return null;
      return { kind: 'agent', id, scopes: value.scopes, ...(value.onBehalfOf ? { onBehalfOf: value.onBehalfOf as string } : {}) };
    default:
      return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function optionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

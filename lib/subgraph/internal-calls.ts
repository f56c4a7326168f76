import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.js';
import { badUserInput } from './bad-user-input.js';
import type { RawBodyRequest } from '../service/graphql.js';
import { createSignatureVerifier, signBody, type SignatureVerifier } from '../signing/signed-body.js';

/**
 * Step mutations (reserve, release, authorize, void…) are internal: `@inaccessible` in the supergraph,
 * and a domain subgraph runs them only for a request whose raw body carries the orchestrator's
 * signature in this header. Replays are let through: every step is idempotent by its reference.
 */
export const INTERNAL_CALL_HEADER = 'x-internal-signature';

/** The header value that makes `body` (the exact JSON sent) an internal call. */
export function signInternalCall(body: string, secret: string): string {
  return signBody(body, secret);
}

/** Whether a request to `/graphql` was signed by the orchestrator; always false without a secret. */
export function internalCallVerifier(secret: string | undefined): (req: RawBodyRequest) => boolean {
  if (!secret) return () => false;
  const verifier: SignatureVerifier = createSignatureVerifier(secret, { toleranceMs: 60_000, refuseReplays: false });
  return (req) => verifier.verify(req.rawBody?.toString('utf8') ?? '', req.get(INTERNAL_CALL_HEADER)).ok;
}

/** What a resolver of a step mutation calls first. */
export function requireInternalCall(context: { internalCall: boolean }, field: string): void {
  if (context.internalCall) return;
  throw new GraphQLError(`${field} is internal: only the orchestrator's signed calls may run it`, {
    extensions: { code: ErrorCode.FORBIDDEN },
  });
}

/** The longest step reference a subgraph takes: `<action id>:<step>`, with room to spare. */
export const MAX_REFERENCE_LENGTH = 200;

/** A step's reference, trimmed: what the vendor keys the write (and its compensation) by. */
export function readReference(value: string): string {
  const reference = value.trim();
  if (reference === '' || reference.length > MAX_REFERENCE_LENGTH) throw badUserInput(`"reference" must be 1 to ${MAX_REFERENCE_LENGTH} characters`);
  return reference;
}

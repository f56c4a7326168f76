/**
 * Every error this product raises carries one of these codes in `extensions.code`,
 * in the style of Apollo's `ApolloServerErrorCode`: clients branch on the code, never on the message.
 */
export enum ErrorCode {
  /** The HTTP request itself was unusable: a body that is not JSON, or one that is too large. */
  BAD_REQUEST = 'BAD_REQUEST',
  /**
   * An argument was well-formed GraphQL but not an acceptable value (a negative `first`, a bad cursor,
   * an id too long), or a vendor refused it as malformed or too large.
   */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** The bearer token is missing where one is needed, malformed, expired or wrongly signed. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The principal may not read this field or run this mutation. */
  FORBIDDEN = 'FORBIDDEN',
  /** The operation exceeds a limit of its principal kind: depth, aliases, directives, tokens or cost. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** A vendor system behind a subgraph did not answer in time, refused the connection, failed, or asked to be called later (408, 429). */
  VENDOR_UNAVAILABLE = 'VENDOR_UNAVAILABLE',
  /**
   * A vendor system refused a request for a reason that is ours, not the caller's: the subgraph's
   * credentials or rights at the vendor (HTTP 401, 403), or a request its adapter should not have
   * sent (another 4xx it does not interpret). Retrying does not help; an operator has to look.
   */
  VENDOR_REFUSED = 'VENDOR_REFUSED',
  /** A vendor system answered with something its adapter cannot read. */
  VENDOR_BAD_RESPONSE = 'VENDOR_BAD_RESPONSE',
  /**
   * A business guardrail (`policies/guardrails/`) refused an action before any write: `extensions.guardrail`
   * names it, `extensions.limit` the limit it holds to, `extensions.value` the value that broke it.
   */
  GUARDRAIL_REFUSED = 'GUARDRAIL_REFUSED',
  /** An idempotency key was used again for an action with other input: the first action stands, nothing ran. */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /**
   * An agent called one tool or operation more often than `policies/rate-limits.ts` allows in a window:
   * nothing ran; `extensions.retryAfter` says in how many seconds it may call again (HTTP 429).
   */
  RATE_LIMITED = 'RATE_LIMITED',
  /**
   * A principal bound to the persisted-operation safelist (agents, by default) sent a document that is not
   * one of the registered operations (`operations/`): it was refused before it was parsed or planned.
   */
  OPERATION_NOT_IN_SAFELIST = 'OPERATION_NOT_IN_SAFELIST',
  /** The gateway could not reach a subgraph. */
  SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE',
  /** The audit log could not record an audited request: its answer is withheld, never sent unrecorded. */
  AUDIT_UNAVAILABLE = 'AUDIT_UNAVAILABLE',
  /** Anything unexpected; its details are masked outside development. */
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

import { signPrincipalAssertion } from '../../lib/identity/principal-assertion.js';
import type { Principal } from '../../policies/principal.js';

/** The header an agent states why it acts in; audit records and the orchestrator read it. */
export const AGENT_REASON_HEADER = 'x-agent-reason';

type IncomingHeaders = { get(name: string): string | null | undefined } | undefined;

/**
 * The headers that tell a subgraph who asks: the principal the gateway verified, the agent's stated
 * reason and the trace context, signed with INTERNAL_CALL_SECRET so that no client can forge them
 * (a client's own `x-principal` never reaches a subgraph: the gateway forwards no client headers).
 */
export function forwardedPrincipal(principal: Principal, incoming: IncomingHeaders, secret: string): Record<string, string> {
  const reason = incoming?.get(AGENT_REASON_HEADER) ?? undefined;
  const traceparent = incoming?.get('traceparent') ?? undefined;
  return signPrincipalAssertion({ principal, ...(reason ? { reason } : {}), ...(traceparent ? { traceparent } : {}) }, secret);
}

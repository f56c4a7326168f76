import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AuditEntry } from '../../lib/audit/record.js';
import { describeActor, type Principal } from '../../policies/principal.js';
import { requestEntry } from '../audit/request-entry.js';
import type { PolicyDecision } from '../policy/policy-context.js';
import { forbidden } from '../policy/forbidden.js';
import type { AgentTool } from './agent-tools.js';
import { toolResult } from './tool-result.js';

export interface HiddenToolCall {
  tool: AgentTool;
  principal: Principal;
  args: Record<string, unknown>;
  denials: PolicyDecision[];
  header: (name: string) => string | undefined;
  audit?: { append(entry: AuditEntry): Promise<unknown> };
}

/**
 * A tool the principal is not shown, called by name: refused as `/graphql` refuses the operation (the
 * FORBIDDEN error of each denied field, naming its rule), before anything runs, and recorded. A record
 * that cannot be written leaves the refusal as it is: nothing ran that needs one.
 */
export async function refuseHiddenTool({ tool, principal, args, denials, header, audit }: HiddenToolCall): Promise<CallToolResult> {
  const { operation, auditedAction } = tool;
  const errors = denials.map((denial) => forbidden(denial.coordinate, denial.rule, denial.path).toJSON());
  const entry = requestEntry(
    { principal, header, operationName: operation.name, operationHash: operation.hash, variables: args },
    {
      action: auditedAction ?? operation.name,
      outcome: 'refused',
      decisions: denials.map((denial) => ({ kind: 'access', name: `${denial.coordinate} ${denial.rule}`, verdict: 'deny' })),
    },
  );
  await audit?.append(entry).catch((error: Error) => {
    console.error(`audit: the refusal of tool ${operation.name} to ${describeActor(principal)} was not recorded: ${error.message}`);
  });
  return toolResult(operation.name, { data: null, errors });
}

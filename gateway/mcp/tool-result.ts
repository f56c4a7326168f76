import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';

/**
 * A GraphQL answer as a tool result: the answer itself (data, errors with their codes, `extensions` such
 * as what was served stale) as structured content, and a short text saying what happened first, then
 * the same answer as JSON for clients that read only text. A result without data is a tool error, which
 * the model is meant to read and correct (an argument, a guardrail's limit, a wait before retrying).
 */
export function toolResult(tool: string, result: FormattedExecutionResult): CallToolResult {
  const structured = {
    data: result.data ?? null,
    ...(result.errors ? { errors: result.errors } : {}),
    ...(result.extensions ? { extensions: result.extensions } : {}),
  };
  return {
    content: [
      { type: 'text', text: summary(tool, result) },
      { type: 'text', text: JSON.stringify(structured) },
    ],
    structuredContent: structured,
    isError: !result.data && (result.errors?.length ?? 0) > 0,
  };
}

function summary(tool: string, { data, errors, extensions }: FormattedExecutionResult): string {
  const parts = [errors?.length ? `${tool} answered with ${errors.length} error(s): ${errors.map(describeError).join('; ')}` : `${tool} answered.`];
  if (data && !errors?.length) parts.push(...Object.values(data).flatMap(actionStatus));
  if (extensions?.stale) parts.push('Some of the data is stale: see extensions.stale for what and how old.');
  return parts.join(' ');
}

function describeError({ message, extensions }: GraphQLFormattedError): string {
  const { code, guardrail, retryAfter } = extensions ?? {};
  const details = [guardrail && `guardrail ${guardrail}`, retryAfter !== undefined && `retry after ${retryAfter}s`].filter(Boolean);
  return `${code ?? 'ERROR'}${details.length ? ` (${details.join(', ')})` : ''}: ${message}`;
}

/** An orchestrated action answers its status first: that is what a model needs to know next. */
function actionStatus(value: unknown): string[] {
  const result = value as { status?: unknown; dryRun?: unknown; id?: unknown } | null;
  if (typeof result?.status !== 'string' || typeof result.id !== 'string') return [];
  return [`Action ${result.id}: ${result.status}${result.dryRun ? ' (dry run: nothing was written)' : ''}.`];
}

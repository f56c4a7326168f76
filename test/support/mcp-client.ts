import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Principal } from '../../policies/principal.js';
import { authAs } from './tokens.js';

/** The MCP SDK's own client, connected to a gateway's `/mcp` as this principal (a static bearer header). */
export async function mcpClientAs(gatewayUrl: string, principal: Principal, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'test-agent', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${gatewayUrl}/mcp`), {
    requestInit: { headers: { ...(await authAs(principal)), ...headers } },
  });
  await client.connect(transport);
  return client;
}

/** A tool call's structured answer: the GraphQL `data`, `errors` and `extensions` it carries. */
export interface ToolAnswer {
  data: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export async function callTool(client: Client, name: string, args: Record<string, unknown>): Promise<{ result: CallToolResult; answer: ToolAnswer }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { result, answer: result.structuredContent as unknown as ToolAnswer };
}

/** The short text a tool result starts with. */
export function textOf(result: CallToolResult): string {
  const [first] = result.content;
  return first?.type === 'text' ? first.text : '';
}

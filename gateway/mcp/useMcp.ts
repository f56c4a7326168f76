import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ErrorCode as JsonRpcError, ListToolsRequestSchema, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import express from 'express';
import type { FormattedExecutionResult, GraphQLSchema } from 'graphql';
import type { AuditEntry } from '../../lib/audit/record.js';
import type { AccessPolicy } from '../../policies/access/policy.js';
import { SCOPES } from '../../policies/access/scopes.js';
import type { Principal } from '../../policies/principal.js';
import type { AuditedFields } from '../audit/audited-fields.js';
import { createCallableCheck, type DeniedFields } from '../operations/callable.js';
import type { OperationRegistry } from '../operations/registry.js';
import { agentTools, type AgentTool } from './agent-tools.js';
import { originCheck } from './origin-check.js';
import { principalOfAuth, protectedResource } from './protected-resource.js';
import { refuseHiddenTool } from './refuse-hidden-tool.js';
import { toolResult } from './tool-result.js';

export interface McpOptions {
  /** The operations that become tools. */
  registry: OperationRegistry;
  /** Browser origins allowed besides the public URL's and this machine's (`MCP_ALLOWED_ORIGINS`). */
  allowedOrigins?: string[];
  /** The gateway's public URL (`GATEWAY_PUBLIC_URL`), e.g. `https://api.example.com`. */
  publicUrl?: string;
  /** The issuers the protected-resource metadata names; the token issuer the gateway trusts by default. */
  authorizationServers?: string[];
}

/** What the MCP endpoint takes from the gateway it is part of. */
export interface McpGateway {
  principalFor: (authorization: string) => Promise<Principal>;
  /** Runs an operation as a `/graphql` request of this principal runs: every plugin, the policy, the cache. */
  execute: (principal: Principal, request: OperationRequest) => Promise<FormattedExecutionResult>;
  onSchema: (listener: (schema: GraphQLSchema) => void) => void;
  policy: AccessPolicy | null;
  audited: AuditedFields;
  issuer: string;
  audit?: { append(entry: AuditEntry): Promise<unknown> };
}

export interface OperationRequest {
  query: string;
  operationName: string;
  variables: Record<string, unknown>;
  header: (name: string) => string | undefined;
}

export const MCP_PATH = '/mcp';
const INSTRUCTIONS =
  'Tools of a commerce control plane over several vendor systems. Read tools are safe to call. Actions ' +
  '(PlaceOrder, LaunchPromotion, ChangePrice, IssueGoodwillCredit) take an idempotencyKey: retry with the same ' +
  'key, never a new one, and nothing happens twice. Run them with dryRun: true first to see the plan and the ' +
  "guardrails' verdicts. A refusal names its guardrail and limit; RATE_LIMITED says when to retry.";

/**
 * `/mcp`: the registered operations as MCP tools, over the stateless Streamable HTTP transport of the
 * official SDK. Each request is authenticated on its own; `tools/list` shows the principal only the tools
 * the access policy lets it call; a call runs the operation through the gateway's whole request path.
 */
export function useMcp(options: McpOptions, gateway: McpGateway): { routes: (app: express.Express) => void } {
  let tools = new Map<string, AgentTool>();
  let deniedFields: DeniedFields = async () => [];
  let visible = new WeakMap<Principal, Promise<AgentTool[]>>();
  gateway.onSchema((schema) => {
    tools = agentTools(options.registry, schema, gateway.audited);
    if (gateway.policy) deniedFields = createCallableCheck(schema, gateway.policy);
    visible = new WeakMap();
  });
  const visibleTo = (principal: Principal) => {
    let list = visible.get(principal);
    if (!list) visible.set(principal, (list = callableTools([...tools.values()], principal, deniedFields)));
    return list;
  };

  async function callTool(principal: Principal, name: string, args: Record<string, unknown>, header: OperationRequest['header']): Promise<CallToolResult> {
    const tool = tools.get(name);
    if (!tool) throw new McpError(JsonRpcError.InvalidParams, `Unknown tool: ${name}`);
    const denials = await deniedFields(principal, tool.operation);
    if (denials.length > 0) return refuseHiddenTool({ tool, principal, args, denials, header, audit: gateway.audit });
    const { body, name: operationName } = tool.operation;
    return toolResult(name, await gateway.execute(principal, { query: body, operationName, variables: args, header }));
  }

  function mcpServer(): Server {
    const server = new Server({ name: 'commerce-control-plane', version: '0.1.0' }, { capabilities: { tools: { listChanged: false } }, instructions: INSTRUCTIONS });
    server.setRequestHandler(ListToolsRequestSchema, async (_request, extra) => ({
      tools: (await visibleTo(principalOfAuth(extra.authInfo))).map(({ tool }) => tool),
    }));
    server.setRequestHandler(CallToolRequestSchema, async ({ params }, extra) => {
      const headers = extra.requestInfo?.headers ?? {};
      const header = (name: string) => [headers[name]].flat()[0];
      return callTool(principalOfAuth(extra.authInfo), params.name, params.arguments ?? {}, header);
    });
    return server;
  }

  const resource = protectedResource({
    path: MCP_PATH,
    publicUrl: options.publicUrl,
    authorizationServers: options.authorizationServers ?? [gateway.issuer],
    scopesSupported: Object.values(SCOPES),
    principalFor: gateway.principalFor,
  });
  return {
    routes(app) {
      resource.routes(app);
      const guard = [originCheck({ allowedOrigins: options.allowedOrigins ?? [], publicUrl: options.publicUrl }), resource.requireToken];
      app.post(MCP_PATH, ...guard, express.json({ limit: '1mb' }), async (req, res) => {
        const server = mcpServer();
        // Stateless: no session id; the token of each request says who asks.
        const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
        res.on('close', () => void Promise.all([transport.close(), server.close()]));
        await server.connect(transport);
        await transport.handleRequest(req, res, req.body);
      });
      app.all(MCP_PATH, ...guard, (_req, res) => {
        res.status(405).set('allow', 'POST').json({ jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: this server is stateless, POST only' }, id: null });
      });
    },
  };
}

async function callableTools(tools: AgentTool[], principal: Principal, deniedFields: DeniedFields): Promise<AgentTool[]> {
  const denials = await Promise.all(tools.map((tool) => deniedFields(principal, tool.operation)));
  return tools.filter((_tool, i) => denials[i]!.length === 0);
}

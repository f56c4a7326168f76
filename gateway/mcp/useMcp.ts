import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv-provider.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { CallToolRequestSchema, ErrorCode as JsonRpcError, ListToolsRequestSchema, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import express from 'express';
import type { FormattedExecutionResult } from 'graphql';
import type { AuditEntry } from '../../lib/audit/record.js';
import { SCOPES } from '../../policies/access/scopes.js';
import type { Principal } from '../../policies/principal.js';
import type { OperationRegistry } from '../operations/registry.js';
import { originCheck } from './origin-check.js';
import { principalOfAuth, protectedResource } from './protected-resource.js';
import { refuseHiddenTool } from './refuse-hidden-tool.js';
import { createToolCatalog, type ToolCatalogOptions } from './tool-catalog.js';
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
export interface McpGateway extends Omit<ToolCatalogOptions, 'registry'> {
  principalFor: (authorization: string) => Promise<Principal>;
  /** Runs an operation as a `/graphql` request of this principal runs: every plugin, the policy, the cache. */
  execute: (principal: Principal, request: OperationRequest) => Promise<FormattedExecutionResult>;
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
  const catalog = createToolCatalog({ registry: options.registry, ...gateway });

  async function callTool(principal: Principal, name: string, args: Record<string, unknown>, header: OperationRequest['header']): Promise<CallToolResult> {
    const found = await catalog.lookup(principal, name);
    if (!found) throw new McpError(JsonRpcError.InvalidParams, `Unknown tool: ${name}`);
    const { tool, denials } = found;
    if (denials.length > 0) return refuseHiddenTool({ tool, principal, args, denials, header, audit: gateway.audit });
    const { body, name: operationName } = tool.operation;
    return toolResult(name, await gateway.execute(principal, { query: body, operationName, variables: args, header }));
  }

  // The SDK would build an Ajv of its own for every Server, a third of what a tool call costs: one serves all.
  const jsonSchemaValidator = new AjvJsonSchemaValidator();
  function mcpServer(): Server {
    const server = new Server(
      { name: 'commerce-control-plane', version: '0.1.0' },
      { capabilities: { tools: { listChanged: false } }, instructions: INSTRUCTIONS, jsonSchemaValidator },
    );
    server.setRequestHandler(ListToolsRequestSchema, async (_request, extra) => ({
      tools: (await catalog.visibleTo(principalOfAuth(extra.authInfo))).map(({ tool }) => tool),
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

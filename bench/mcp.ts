import { mintToken } from '../gateway/identity/mint.js';
import { MCP_PATH } from '../gateway/mcp/useMcp.js';
import { loadOperations } from '../gateway/operations/registry.js';
import type { AgentPrincipal } from '../policies/principal.js';
import { compare } from './compare.js';
import { post, type Request } from './load.js';
import { printTable } from './report.js';
import type { Stack } from './stack.js';
import { gateway, SHIPPED } from './targets.js';

/**
 * The gateway as it ships but for its per-agent rate limits: 60 reads a minute per agent and operation
 * would refuse nearly every call of a benchmark, which is not what is measured. Numbered after the
 * pages' gateways, before the actions' (port 4730).
 */
export const MCP_TARGET = gateway(10, 'ours + cache, /mcp', SHIPPED, [], `${SHIPPED} as it ships (policy on, fetch cache in memory, /mcp on) with RATE_LIMITS=off`, {
  RATE_LIMITS: 'off',
});

const AGENT: AgentPrincipal = { kind: 'agent', id: 'bench-agent', scopes: [] };
const TOOL = 'SearchProducts';
const ARGUMENTS = { first: 12, region: 'EU' };
/** What a Streamable HTTP client sends with each POST (the SDK's client does the same). */
const MCP_HEADERS = { accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-11-25' };

/** A GraphQL answer, or a JSON-RPC one whose tool result holds one. */
interface Answer {
  data?: { products?: { nodes?: unknown[] } } | null;
  result?: { isError?: boolean; structuredContent?: Answer; tools?: { name: string }[] };
}

/** A row of the section: what is sent, and what its answer must be for its figures to mean anything. */
interface Probe {
  name: string;
  request: Request;
  expected: string;
  answers: (answer: Answer) => boolean;
}

const listsProducts = (answer: Answer | undefined) => (answer?.data?.products?.nodes?.length ?? 0) > 0;

/**
 * The MCP section of `npm run bench`: the same registered operation as an agent sends it over
 * `/graphql` and as an MCP tool call to `/mcp` (and the agent's `tools/list`), through one gateway
 * process, each answer checked once, then warmed up and measured in alternating rounds.
 */
export async function benchMcp(stack: Stack): Promise<void> {
  const headers = { authorization: `Bearer ${await mintToken(AGENT, stack.keys)}` };
  const url = (path: string) => `http://127.0.0.1:${MCP_TARGET.port}${path}`;
  const mcp = (method: string, params?: object) => ({
    url: url(MCP_PATH),
    headers: { ...headers, ...MCP_HEADERS },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, ...(params ? { params } : {}) }),
  });
  const { body: query } = loadOperations().byName.get(TOOL)!;
  const probes: Probe[] = [
    {
      name: `${TOOL} over /graphql`,
      request: { url: url('/graphql'), headers, body: JSON.stringify({ query, operationName: TOOL, variables: ARGUMENTS }) },
      expected: 'data.products.nodes, not empty',
      answers: listsProducts,
    },
    {
      name: `${TOOL} as tools/call to ${MCP_PATH}`,
      request: mcp('tools/call', { name: TOOL, arguments: ARGUMENTS }),
      expected: 'result.structuredContent.data.products.nodes, not empty, and isError false',
      answers: (answer) => answer.result?.isError === false && listsProducts(answer.result.structuredContent),
    },
    {
      name: `tools/list to ${MCP_PATH}`,
      request: mcp('tools/list'),
      expected: `result.tools naming ${TOOL}`,
      answers: (answer) => answer.result?.tools?.some((tool) => tool.name === TOOL) ?? false,
    },
  ];
  for (const probe of probes) await check(probe);
  const pid = stack.pidOf(MCP_TARGET);
  const rows = await compare(probes.map(({ name, request }) => ({ target: MCP_TARGET, name, pid, request })));
  printTable(
    `MCP: ${TOOL} ${JSON.stringify(ARGUMENTS)} as an agent (no scopes), over /graphql and as a tool call, through ${MCP_TARGET.name}. ` +
      'Rate limits off: 60 reads a minute per agent and operation would refuse nearly every call',
    rows,
    probes[0]!.name,
  );
}

/** One request before any load: a refusal or an error answered with 200 would otherwise be measured as an answer. */
async function check({ name, request, expected, answers }: Probe): Promise<void> {
  const response = await fetch(request.url, { method: 'POST', ...post(request) });
  const text = await response.text();
  if (response.status === 200 && answers(parsed(text))) return;
  throw new Error(`${name}: expected status 200 and ${expected}; got ${response.status}: ${text.slice(0, 1_000)}`);
}

function parsed(text: string): Answer {
  try {
    return JSON.parse(text) as Answer;
  } catch {
    return {};
  }
}

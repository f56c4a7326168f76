import { loadavg } from 'node:os';
import { ACTION_TARGETS } from './action-targets.js';
import { benchActions } from './actions.js';
import { compare, type Contender } from './compare.js';
import { withFaults } from './faults.js';
import { benchMcp, MCP_TARGET } from './mcp.js';
import { headersFor, type Page } from './pages.js';
import { printConfiguration, printTable } from './report.js';
import { selectFromArgs } from './selection.js';
import { describeSettings } from './settings.js';
import { startStack, type Stack } from './stack.js';
import { BASELINE, direct, graphqlUrl, type Target } from './targets.js';

/**
 * `npm run bench [-- [--page NAME]… [TARGET]… [--mcp] [--actions]]`: each page (the last with a vendor hung)
 * through every gateway: plain `@apollo/gateway`; ours without and with the access policy, then as it
 * ships with its fetch cache warm in memory and warm in Redis; Hive Gateway without and with its
 * response cache. Side by side in one run over the same subgraphs, each target in its own process.
 * Then an agent's SearchProducts over `/graphql` beside the same as an MCP tool call to `/mcp`.
 * Then the actions: placeOrder through ours with the audit log on and off, and the log's append rate.
 * Figures, not assertions: compare the columns.
 */
const { pages, targets, actions, mcp } = selectFromArgs(process.argv.slice(2));
const directs = pages.flatMap((page) => (page.direct ? [direct(page.direct.subgraph)] : []));
const sectionTargets = [...(mcp ? [MCP_TARGET] : []), ...(actions ? ACTION_TARGETS.map(({ target }) => target) : [])];
printConfiguration(describeSettings(), [...directs, ...targets, ...sectionTargets]);

const stack = await startStack([...targets, ...sectionTargets]);
try {
  for (const page of pages) {
    const rows = await withFaults(page, async () => compare(await contenders(page, stack)));
    printTable(page.title, rows, BASELINE);
  }
  if (mcp) await benchMcp(stack);
  if (actions) await benchActions(stack);
} finally {
  await stack.stop();
}
console.log(`\nload average at the end: ${loadavg().map((load) => load.toFixed(1)).join(' ')} (1, 5, 15 min)`);

/** The page's own query to every target, and its direct row's part to its subgraph. */
async function contenders(page: Page, stack: Stack): Promise<Contender[]> {
  const headers = await headersFor(page, stack.keys);
  const contender = (target: Target, query: string) => ({
    target,
    pid: stack.pidOf(target),
    request: { url: graphqlUrl(target), query, headers },
  });
  return [
    ...(page.direct ? [contender(direct(page.direct.subgraph), page.direct.query)] : []),
    ...targets.map((target) => contender(target, page.query)),
  ];
}

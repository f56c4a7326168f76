import { parseArgs } from 'node:util';
import { PAGES, type Page } from './pages.js';
import { GATEWAYS, type Target } from './targets.js';

/**
 * What a bench command runs: `--page NAME` (repeatable) and target names as positionals pick pages and
 * the gateways they go through; `--actions` the orchestrated actions (placeOrder, audit on and off);
 * `--mcp` tool calls through `/mcp` beside the same operation over `/graphql`. Nothing named is
 * everything; `--actions` or `--mcp` alone is that section only.
 */
export function selectFromArgs(argv: string[]): { pages: Page[]; targets: Target[]; actions: boolean; mcp: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      page: { type: 'string', multiple: true },
      actions: { type: 'boolean', default: false },
      mcp: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const named = (values.page ?? []).map((name) => PAGES.find((page) => page.name === name) ?? unknown('page', name, PAGES));
  const targets = positionals.map((name) => GATEWAYS.find((target) => target.name === name) ?? unknown('target', name, GATEWAYS));
  const sectionNamed = values.actions || values.mcp;
  const nothingNamed = named.length === 0 && targets.length === 0 && !sectionNamed;
  const pages = named.length > 0 ? named : sectionNamed && targets.length === 0 ? [] : PAGES;
  return {
    pages,
    targets: targets.length > 0 || pages.length === 0 ? targets : GATEWAYS,
    actions: values.actions || nothingNamed,
    mcp: values.mcp || nothingNamed,
  };
}

function unknown(kind: string, name: string, known: { name: string }[]): never {
  console.error(`no ${kind} "${name}"; there are: ${known.map((entry) => `"${entry.name}"`).join(', ')}`);
  process.exit(2);
}

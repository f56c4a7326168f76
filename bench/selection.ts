import { parseArgs } from 'node:util';
import { PAGES, type Page } from './pages.js';
import { GATEWAYS, type Target } from './targets.js';

/** What a bench command runs: `--page NAME` (repeatable) and target names as positionals; none given is every one. */
export function selectFromArgs(argv: string[]): { pages: Page[]; targets: Target[] } {
  const { values, positionals } = parseArgs({ args: argv, options: { page: { type: 'string', multiple: true } }, allowPositionals: true });
  const pages = (values.page ?? []).map((name) => PAGES.find((page) => page.name === name) ?? unknown('page', name, PAGES));
  const targets = positionals.map((name) => GATEWAYS.find((target) => target.name === name) ?? unknown('target', name, GATEWAYS));
  return { pages: pages.length > 0 ? pages : PAGES, targets: targets.length > 0 ? targets : GATEWAYS };
}

function unknown(kind: string, name: string, known: { name: string }[]): never {
  console.error(`no ${kind} "${name}"; there are: ${known.map((entry) => `"${entry.name}"`).join(', ')}`);
  process.exit(2);
}

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkOperations } from '../gateway/operations/check-operations.js';
import { loadOperations } from '../gateway/operations/registry.js';
import { accessPolicy } from '../policies/access/permissions.js';
import { loadApiSchema } from '../gateway/api-schema.js';
import { SUPERGRAPH_PATH } from './topology.js';

/**
 * `npm run operations:check [-- --supergraph FILE]`: one line per registered operation (`operations/`):
 * its name, kind, hash (what a persisted query names it by) and OK or its problems; exits 1 when one does not validate against the
 * supergraph or selects a field the access policy denies even to an agent holding every scope.
 */
const { values } = parseArgs({ options: { supergraph: { type: 'string', default: SUPERGRAPH_PATH } } });
const schema = await loadApiSchema(readFileSync(values.supergraph!, 'utf8'));
const checks = await checkOperations(loadOperations(), schema, accessPolicy);

const width = Math.max(...checks.map(({ operation }) => operation.name.length));
for (const { operation, problems } of checks) {
  const columns = `${operation.name.padEnd(width)}  ${operation.type.padEnd(8)}  ${operation.hash}  `;
  console.log(columns + (problems.length === 0 ? 'OK' : problems.join(`\n${' '.repeat(columns.length)}`)));
}
const failing = checks.filter(({ problems }) => problems.length > 0);
if (failing.length > 0) {
  console.error(`\noperations:check failed: ${failing.map(({ operation }) => operation.name).join(', ')}`);
  process.exit(1);
}
console.log(`\noperations:check: ${checks.length} operations, each runs on this supergraph and is open to an agent with the scopes it needs.`);

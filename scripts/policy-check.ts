import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkCoverage } from '../gateway/policy/coverage.js';
import { SENSITIVE_TYPES, accessPolicy } from '../policies/access/permissions.js';
import { loadApiSchema } from '../gateway/api-schema.js';
import { SUPERGRAPH_PATH } from './topology.js';

/**
 * `npm run policy:check [-- --supergraph FILE]`: prints, for every field of the supergraph, the rule
 * that governs it and where it is decided; exits 1 when a field is not covered as it must be.
 */
const { values } = parseArgs({ options: { supergraph: { type: 'string', default: SUPERGRAPH_PATH } } });
const schema = await loadApiSchema(readFileSync(values.supergraph!, 'utf8'));
const { rows, problems } = checkCoverage(schema, accessPolicy, SENSITIVE_TYPES);

const width = Math.max(...rows.map((row) => row.coordinate.length));
for (const row of rows) {
  console.log(`${row.coordinate.padEnd(width)}  ${row.stage === 'planning' ? 'before planning' : 'on the result  '}  ${row.rule}`);
}
if (problems.length > 0) {
  console.error(`\npolicy:check failed:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`\npolicy:check: ${rows.length} fields, every one governed by a rule.`);

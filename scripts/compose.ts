import { writeFileSync } from 'node:fs';
import { composeSupergraph } from './compose-supergraph.js';
import { SUPERGRAPH_PATH } from './topology.js';

const root = new URL('../', import.meta.url);
const composition = composeSupergraph(root);
if (!composition.ok) {
  console.error(`Composition failed:\n${composition.errors.map((e) => `  - ${e}`).join('\n')}`);
  process.exit(1);
}
for (const hint of composition.hints) console.warn(`hint: ${hint}`);
writeFileSync(new URL(SUPERGRAPH_PATH, root), composition.supergraphSdl);
console.log(`wrote ${SUPERGRAPH_PATH}`);

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../lib/subgraph/schema.js';
import { SUBGRAPHS } from '../scripts/topology.js';
import { runTs } from './support/process.js';

/** `npm run policy:check` as a developer runs it, on our supergraph and on one with a new, uncovered field. */
function supergraphWithNewCrmField(field: string): string {
  const result = composeServices(
    SUBGRAPHS.map(({ subgraph, schema, port }) => {
      const typeDefs = loadTypeDefs(new URL(`../${schema}`, import.meta.url));
      const extended = subgraph === 'crm' ? `${print(typeDefs)}\nextend type Customer { ${field} }\n` : print(typeDefs);
      return { name: subgraph, url: `http://127.0.0.1:${port}/graphql`, typeDefs: parse(extended) };
    }),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  const file = join(mkdtempSync(join(tmpdir(), 'policy-check-')), 'supergraph.graphql');
  writeFileSync(file, result.supergraphSdl);
  return file;
}

describe('npm run policy:check', () => {
  it('passes on the committed supergraph and names the rule of every field', async () => {
    const check = runTs('scripts/policy-check.ts', []);
    expect(await check.exited).toBe(0);
    expect(check.output()).toMatch(/Customer\.email\s+on the result\s+or\(isTheCustomer, holdsForThisCustomer\(pii:read\)\)/);
    expect(check.output()).toMatch(/Mutation\.updateConsent\s+before planning\s+actsForArgumentCustomer\(consent:write\)/);
  });

  it('fails when a subgraph adds a field on a sensitive type that no rule covers', async () => {
    const check = runTs('scripts/policy-check.ts', ['--supergraph', supergraphWithNewCrmField('taxId: String')]);
    expect(await check.exited).toBe(1);
    expect(check.output()).toContain('Customer.taxId has no rule');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../scripts/compose-supergraph.js';
import { SUPERGRAPH_PATH } from '../scripts/topology.js';

const root = new URL('../', import.meta.url);

describe('the committed supergraph', () => {
  const composition = composeSupergraph(root);

  it('composes without errors', () => {
    expect(composition.ok ? [] : composition.errors).toEqual([]);
  });

  it('is what `npm run compose` writes today (run it after changing a subgraph schema)', () => {
    const committed = readFileSync(new URL(SUPERGRAPH_PATH, root), 'utf8');
    expect(composition.ok && composition.supergraphSdl === committed).toBe(true);
  });
});

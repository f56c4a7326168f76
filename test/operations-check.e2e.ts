import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deny } from 'graphql-shield';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOperations, type OperationCheck } from '../gateway/operations/check-operations.js';
import { loadOperations } from '../gateway/operations/registry.js';
import { accessPolicy } from '../policies/access/permissions.js';
import { loadApiSchema } from '../gateway/api-schema.js';
import { SUPERGRAPH_PATH } from '../scripts/topology.js';
import { runTs } from './support/process.js';

/**
 * `npm run operations:check`: every registered operation validates against the supergraph and selects no
 * field the policy denies to an agent holding every scope; a removed or newly denied field fails it.
 */
const registry = loadOperations();
const supergraphSdl = readFileSync(SUPERGRAPH_PATH, 'utf8');
/** The supergraph after the fulfillment subgraph dropped `ShippingOption.transitDays`, which ShippingOptions selects. */
const withoutTransitDays = supergraphSdl.replace(/\n\s*"""[^"]*"""\n\s*transitDays: Int!\n/, '\n');

const failing = (checks: OperationCheck[]) => Object.fromEntries(checks.filter((check) => check.problems.length > 0).map((check) => [check.operation.name, check.problems]));

describe('checkOperations', () => {
  let schema: Awaited<ReturnType<typeof loadApiSchema>>;
  beforeAll(async () => {
    schema = await loadApiSchema(supergraphSdl);
  });

  it('passes every registered operation on the committed supergraph and policy', async () => {
    const checks = await checkOperations(registry, schema, accessPolicy);
    expect(checks.map((check) => check.operation.name)).toEqual(registry.operations.map((operation) => operation.name));
    expect(failing(checks)).toEqual({});
  });

  it('fails the operation that selects a field the supergraph no longer has, and only that one', async () => {
    expect(withoutTransitDays).not.toBe(supergraphSdl);
    const checks = await checkOperations(registry, await loadApiSchema(withoutTransitDays), accessPolicy);
    expect(failing(checks)).toEqual({ ShippingOptions: ['Cannot query field "transitDays" on type "ShippingOption".'] });
  });

  it('fails the operation that selects a field the policy now denies to every agent', async () => {
    const policy = { ...accessPolicy, rules: { ...accessPolicy.rules, Query: { ...accessPolicy.rules.Query, shippingOptions: deny } } };
    const checks = await checkOperations(registry, schema, policy);
    expect(Object.keys(failing(checks))).toEqual(['ShippingOptions']);
    expect(failing(checks).ShippingOptions![0]).toContain('Query.shippingOptions is denied to an agent holding every scope');
  });
});

describe('npm run operations:check', () => {
  it('prints each operation with its kind, hash and OK, and exits 0 on the committed supergraph', async () => {
    const check = runTs('scripts/operations-check.ts', []);
    expect(await check.exited).toBe(0);
    const placeOrder = registry.byName.get('PlaceOrder')!;
    expect(check.output()).toMatch(new RegExp(`PlaceOrder\\s+mutation\\s+${placeOrder.hash}\\s+OK`));
    expect(check.output()).toMatch(/ShippingOptions\s+query\s+[0-9a-f]{64}\s+OK/);
  });

  it('exits 1 naming the operation on a supergraph without a field it selects', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'operations-check-')), 'supergraph.graphql');
    writeFileSync(file, withoutTransitDays);
    const check = runTs('scripts/operations-check.ts', ['--supergraph', file]);
    expect(await check.exited).toBe(1);
    expect(check.output()).toMatch(/ShippingOptions\s+query\s+[0-9a-f]{64}\s+Cannot query field "transitDays"/);
    expect(check.output()).toContain('operations:check failed: ShippingOptions');
  });
});

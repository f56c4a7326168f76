import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { readAuditSigningKey } from '../../lib/audit/signing-key.js';
import { signPrincipalAssertion } from '../../lib/identity/principal-assertion.js';
import { openPool, type Pool } from '../../lib/postgres/pool.js';
import type { ScratchDatabase } from '../../lib/postgres/scratch-database.js';
import { serveGraphQL } from '../../lib/service/graphql.js';
import type { RunningServer } from '../../lib/service/listen.js';
import { randomSecret } from '../../lib/signing/development-secret.js';
import type { SubgraphOptions } from '../../lib/subgraph/subgraph-service.js';
import type { Principal } from '../../policies/principal.js';
import { createCommercetoolsAdapter } from '../../subgraphs/commerce/commercetools-adapter.js';
import { createCommerceSubgraph } from '../../subgraphs/commerce/server.js';
import { createSalesforceAdapter } from '../../subgraphs/crm/salesforce-adapter.js';
import { createCrmSubgraph } from '../../subgraphs/crm/server.js';
import { createFulfillmentSubgraph } from '../../subgraphs/fulfillment/server.js';
import { createWmsHttpAdapter } from '../../subgraphs/fulfillment/wms-http-adapter.js';
import { createCompositeInventoryAdapter } from '../../subgraphs/inventory/composite-adapter.js';
import { createDropshipAdapter } from '../../subgraphs/inventory/dropship-adapter.js';
import { createInventorySubgraph } from '../../subgraphs/inventory/server.js';
import { createStorePosAdapter } from '../../subgraphs/inventory/store-pos-adapter.js';
import { createWarehouseAdapter } from '../../subgraphs/inventory/warehouse-adapter.js';
import type { DomainSubgraph } from '../../subgraphs/orchestration/domain/domain-subgraphs.js';
import { createOrchestration, type OrchestrationSettings } from '../../subgraphs/orchestration/orchestrator.js';
import { createPaymentsSubgraph } from '../../subgraphs/payments/server.js';
import { createStripeAdapter } from '../../subgraphs/payments/stripe-adapter.js';
import { createPimHttpAdapter } from '../../subgraphs/pim/pim-http-adapter.js';
import { createPimSubgraph } from '../../subgraphs/pim/server.js';
import { createCommerceSimulator } from '../../vendors/commerce/simulator.js';
import { createCrmSimulator } from '../../vendors/crm/simulator.js';
import { createDropshipSimulator } from '../../vendors/dropship/simulator.js';
import type { Effect } from '../../vendors/kit/effects.js';
import { createPaymentsSimulator } from '../../vendors/payments/simulator.js';
import { createPimSimulator } from '../../vendors/pim/simulator.js';
import { createStorePosSimulator } from '../../vendors/store-pos/simulator.js';
import { createWarehouseSimulator } from '../../vendors/warehouse/simulator.js';
import { createWmsSimulator } from '../../vendors/wms/simulator.js';
import { graphql, type GraphQLResponse } from './graphql.js';
import { runTs, type TsProcess } from './process.js';
import { startGraphQL, startSimulator, type StartedSimulator } from './servers.js';

/**
 * The domain the orchestrator acts on, in this process on free ports: eight vendor simulators and the six
 * domain subgraphs that take the orchestrator's signed step calls. The orchestration subgraph itself is
 * started on top (`startOrchestration`), in this process or as a child process of its own.
 */
export type VendorName = 'pim' | 'commerce' | 'warehouse' | 'storePos' | 'dropship' | 'crm' | 'wms' | 'payments';

export interface DomainStack {
  /** What the orchestrator signs step calls with, and the gateway its principal assertions. */
  secret: string;
  vendors: Record<VendorName, StartedSimulator>;
  subgraphUrls: Record<DomainSubgraph, string>;
  /** Every simulator's effects since its last reset, by vendor. */
  effects(): Promise<Record<VendorName, Effect[]>>;
  /** Zeroes every simulator's data, counters, effects and faults. */
  resetVendors(): Promise<void>;
}

export async function startDomainStack(): Promise<DomainStack> {
  const secret = randomSecret();
  const [pim, commerce, warehouse, storePos, dropship, crm, wms, payments] = await Promise.all([
    startSimulator('pim', createPimSimulator),
    startSimulator('commerce', (seed) => createCommerceSimulator(seed)),
    startSimulator('warehouse', (seed) => createWarehouseSimulator(seed)),
    startSimulator('store-pos', (seed) => createStorePosSimulator(seed)),
    startSimulator('dropship', createDropshipSimulator),
    startSimulator('crm', createCrmSimulator),
    startSimulator('wms', createWmsSimulator),
    startSimulator('payments', (seed) => createPaymentsSimulator(seed)),
  ]);
  const vendors = { pim, commerce, warehouse, storePos, dropship, crm, wms, payments };
  const options: SubgraphOptions = { internalCallSecret: secret };
  const at = (vendor: VendorName) => ({ baseUrl: vendors[vendor].url });
  const inventory = createCompositeInventoryAdapter([createWarehouseAdapter(at('warehouse')), createStorePosAdapter(at('storePos')), createDropshipAdapter(at('dropship'))]);
  const servers = await Promise.all([
    startGraphQL(createInventorySubgraph(inventory, options)),
    startGraphQL(createFulfillmentSubgraph(createWmsHttpAdapter(at('wms')), options)),
    startGraphQL(createPaymentsSubgraph(createStripeAdapter(at('payments')), options)),
    startGraphQL(createCommerceSubgraph(createCommercetoolsAdapter(at('commerce')), options)),
    startGraphQL(createPimSubgraph(createPimHttpAdapter(at('pim')), options)),
    startGraphQL(createCrmSubgraph(createSalesforceAdapter(at('crm')), options)),
  ]);
  const [inventoryUrl, fulfillment, paymentsUrl, commerceUrl, pimUrl, crmUrl] = servers.map((server) => `${server.url}/graphql`) as [string, string, string, string, string, string];
  return {
    secret,
    vendors,
    subgraphUrls: { inventory: inventoryUrl, fulfillment, payments: paymentsUrl, commerce: commerceUrl, pim: pimUrl, crm: crmUrl },
    async effects() {
      const lists = await Promise.all(Object.values(vendors).map((vendor) => vendor.admin.effects()));
      return Object.fromEntries(Object.keys(vendors).map((name, i) => [name, lists[i]])) as Record<VendorName, Effect[]>;
    },
    resetVendors: async () => {
      await Promise.all(Object.values(vendors).map((vendor) => vendor.admin.reset()));
    },
  };
}

/** Settings for an orchestrator on `domain` and `databaseUrl`: short retries and waits, a test audit key. */
export async function orchestrationSettings(domain: Pick<DomainStack, 'secret' | 'subgraphUrls'>, databaseUrl: string, overrides: Partial<OrchestrationSettings> = {}): Promise<OrchestrationSettings> {
  const retries = { initialDelayMs: 20, maxDelayMs: 100 };
  return {
    databaseUrl,
    internalCallSecret: domain.secret,
    subgraphUrls: domain.subgraphUrls,
    stepTimeoutMs: 5_000,
    executorId: 'orchestration-test',
    applicationVersion: 'orchestration-test',
    approvalTimeoutSeconds: 60,
    domainWaitMs: 10_000,
    stepRetries: { retries: 1, ...retries },
    compensationRetries: { retries: 3, ...retries },
    audit: {
      signingKey: await readAuditSigningKey(newAuditKeyPem(), false),
      checkpoints: { file: newCheckpointFile(), everyRecords: 1_000, everySeconds: 3_600 },
    },
    ...overrides,
  };
}

/** The orchestration subgraph in this process (DBOS is one per process: one per test file); the caller stops it. */
export async function startOrchestration(settings: OrchestrationSettings): Promise<RunningServer> {
  return serveGraphQL(await createOrchestration(settings), { port: 0 });
}

/**
 * The environment of the orchestration subgraph as a process of its own (`subgraphs/orchestration/index.ts`,
 * as `npm start` runs it) on `domain` and `databaseUrl`, with a new audit key and checkpoint file;
 * `overrides` win. Instances given one such environment, each with its own PORT and
 * ORCHESTRATION_EXECUTOR_ID, share the database, the secret, the audit key and the checkpoint file.
 */
export function orchestrationProcessEnv(domain: Pick<DomainStack, 'secret' | 'subgraphUrls'>, databaseUrl: string, overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const urls = domain.subgraphUrls;
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    INTERNAL_CALL_SECRET: domain.secret,
    SUBGRAPH_INVENTORY_URL: urls.inventory,
    SUBGRAPH_FULFILLMENT_URL: urls.fulfillment,
    SUBGRAPH_PAYMENTS_URL: urls.payments,
    SUBGRAPH_COMMERCE_URL: urls.commerce,
    SUBGRAPH_PIM_URL: urls.pim,
    SUBGRAPH_CRM_URL: urls.crm,
    AUDIT_SIGNING_KEY: newAuditKeyPem(),
    AUDIT_CHECKPOINT_FILE: newCheckpointFile(),
    ...overrides,
  };
}

/** Starts the orchestration subgraph as a process with `env` (its PORT set): once it answers `/health`; throws if it exits first. */
export async function startOrchestrationProcess(env: NodeJS.ProcessEnv): Promise<TsProcess> {
  const started = runTs('subgraphs/orchestration/index.ts', [], env);
  let exited = false;
  void started.exited.then(() => (exited = true));
  await until(
    async () => {
      if (exited) throw new Error(`the orchestration process exited before it answered\n${started.output()}`);
      return (await fetch(`http://127.0.0.1:${env.PORT}/health`).catch(() => null))?.ok === true;
    },
    60_000,
    () => started.output(),
  );
  return started;
}

/** An Ed25519 private key as `AUDIT_SIGNING_KEY` takes it: PKCS#8 PEM. */
function newAuditKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** A checkpoint file not written yet, in a directory of its own. */
function newCheckpointFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'orchestration-audit-')), 'checkpoints.jsonl');
}

/** Calls `baseUrl`'s GraphQL as the gateway does for `principal`: with a signed principal assertion. */
export type Caller = ReturnType<typeof callerAs>;

export function callerAs(baseUrl: string, secret: string) {
  return <D = Record<string, any>>(principal: Principal, query: string, variables?: Record<string, unknown>, reason?: string): Promise<GraphQLResponse<D>> =>
    graphql<D>(baseUrl, query, variables, signPrincipalAssertion({ principal, ...(reason ? { reason } : {}) }, secret));
}

/** A test file's orchestrator over its domain stack; its fields are set once `beforeAll` has run. */
export interface OrchestrationFixture {
  domain: DomainStack;
  orchestration: RunningServer;
  /** On the file's database: the audit log and the orchestrator's tables. */
  pool: Pool;
  as: Caller;
  /** The action's audit records in chain order, as `<step> <outcome>`. */
  auditTrail(actionId: string): Promise<string[]>;
  /** Units of `sku` the inventory subgraph says can be sold in `region`. */
  available(sku: string, region: string): Promise<number>;
}

/**
 * Registers the hooks of a test file with one orchestrator on `database`: started before its tests, its
 * vendors reset before each, all stopped and the database dropped after.
 */
export function useOrchestration(database: ScratchDatabase, overrides: Partial<OrchestrationSettings> = {}): OrchestrationFixture {
  const fixture = {
    async auditTrail(actionId: string) {
      const { rows } = await fixture.pool.query('SELECT step, outcome FROM audit.records WHERE action_id = $1 ORDER BY seq', [actionId]);
      return rows.map((row) => `${row.step} ${row.outcome}`);
    },
    async available(sku: string, region: string) {
      const inventory = fixture.domain.subgraphUrls.inventory.replace(/\/graphql$/, '');
      const { data } = await graphql(inventory, 'query ($skus: [String!]!, $region: String!) { stock(skus: $skus, region: $region) { available } }', { skus: [sku], region });
      return data!.stock[0].available as number;
    },
  } as OrchestrationFixture;
  beforeAll(async () => {
    fixture.domain = await startDomainStack();
    fixture.orchestration = await startOrchestration(await orchestrationSettings(fixture.domain, database.url, overrides));
    fixture.as = callerAs(fixture.orchestration.url, fixture.domain.secret);
    fixture.pool = await openPool(database.url);
  });
  afterAll(async () => {
    await fixture.orchestration?.close();
    await fixture.pool?.end();
    await database.drop();
  });
  beforeEach(() => fixture.domain.resetVendors());
  return fixture;
}

/** Resolves once `condition` holds, polling; throws after `timeoutMs` with `explain()` (e.g. a process's output). */
export async function until(condition: () => Promise<boolean>, timeoutMs: number, explain: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms\n${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

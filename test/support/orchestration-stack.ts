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
import type { Principal } from '../../policies/principal.js';
import type { DomainSubgraph } from '../../subgraphs/orchestration/domain/domain-subgraphs.js';
import { createOrchestration, type OrchestrationSettings } from '../../subgraphs/orchestration/orchestrator.js';
import type { Effect } from '../../vendors/kit/effects.js';
import { graphql, type GraphQLResponse } from './graphql.js';
import { runTs, type TsProcess } from './process.js';
import { startDomain, type VendorName } from './domain.js';
import { TEST_INTERNAL_CALL_SECRET } from './internal-calls.js';
import type { StartedSimulator } from './servers.js';

/**
 * The domain the orchestrator acts on (`domain.ts`), in this process on free ports: eight vendor simulators and the six
 * domain subgraphs that take the orchestrator's signed step calls. The orchestration subgraph itself is
 * started on top (`startOrchestration`), in this process or as a child process of its own.
 */

export type { VendorName } from './domain.js';

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
  const { vendors, subgraphUrls, effects, resetVendors } = await startDomain();
  return { secret: TEST_INTERNAL_CALL_SECRET, vendors, subgraphUrls, effects, resetVendors };
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

import { hostname } from 'node:os';
import { nonNegativeInteger, oneOf, port, positiveInteger, readConfig, text, url } from '../../lib/config.js';
import { readAuditConfig } from '../../lib/audit/config.js';
import { readDatabaseUrl } from '../../lib/postgres/database-url.js';
import { internalCallSecret, INTERNAL_CALL_SETTINGS } from '../../lib/subgraph/caching-settings.js';
import type { OrchestrationSettings } from './orchestrator.js';
import { WORKFLOW_VERSION } from './workflow/version.js';

/**
 * The environment of the orchestration subgraph; defaults are `npm start`'s ports. The domain subgraphs'
 * URLs are read from the variables the gateway reads them from (`SUBGRAPH_<NAME>_URL`).
 */
const SPEC = {
  PORT: port(4007),
  HOST: text('127.0.0.1'),
  NODE_ENV: text('production'),
  ...INTERNAL_CALL_SETTINGS,
  SUBGRAPH_INVENTORY_URL: url('http://127.0.0.1:4003/graphql'),
  SUBGRAPH_FULFILLMENT_URL: url('http://127.0.0.1:4005/graphql'),
  SUBGRAPH_PAYMENTS_URL: url('http://127.0.0.1:4006/graphql'),
  SUBGRAPH_COMMERCE_URL: url('http://127.0.0.1:4002/graphql'),
  SUBGRAPH_PIM_URL: url('http://127.0.0.1:4001/graphql'),
  SUBGRAPH_CRM_URL: url('http://127.0.0.1:4004/graphql'),
  /** How long one call of a step mutation may take before its outcome counts as unknown. */
  STEP_TIMEOUT_MS: positiveInteger(10_000),
  /** Retries of a step whose outcome is unknown, by its reference. */
  STEP_RETRIES: nonNegativeInteger(2),
  /** Retries of an undo before the action ends NEEDS_ATTENTION. */
  COMPENSATION_RETRIES: nonNegativeInteger(5),
  RETRY_INITIAL_DELAY_MS: positiveInteger(200),
  RETRY_MAX_DELAY_MS: positiveInteger(5_000),
  APPROVAL_TIMEOUT_SECONDS: positiveInteger(24 * 60 * 60),
  /** How long start-up waits for the domain subgraphs before DBOS resumes interrupted workflows. */
  DOMAIN_WAIT_SECONDS: nonNegativeInteger(60),
  /** Stable across restarts (DBOS recovers an executor's own workflows), distinct per instance. */
  ORCHESTRATION_EXECUTOR_ID: text(''),
  ORCHESTRATION_APP_VERSION: text(WORKFLOW_VERSION),
  /** `off` only to measure what the audit log costs. */
  AUDIT: oneOf(['on', 'off'], 'on'),
};

export async function readOrchestrationSettings(env: NodeJS.ProcessEnv = process.env): Promise<OrchestrationSettings & { port: number; host: string }> {
  const config = readConfig(SPEC, env);
  const development = config.NODE_ENV === 'development';
  const retry = { initialDelayMs: config.RETRY_INITIAL_DELAY_MS, maxDelayMs: config.RETRY_MAX_DELAY_MS };
  return {
    port: config.PORT,
    host: config.HOST,
    databaseUrl: await readDatabaseUrl(env),
    internalCallSecret: await internalCallSecret(config),
    subgraphUrls: {
      inventory: config.SUBGRAPH_INVENTORY_URL,
      fulfillment: config.SUBGRAPH_FULFILLMENT_URL,
      payments: config.SUBGRAPH_PAYMENTS_URL,
      commerce: config.SUBGRAPH_COMMERCE_URL,
      pim: config.SUBGRAPH_PIM_URL,
      crm: config.SUBGRAPH_CRM_URL,
    },
    stepTimeoutMs: config.STEP_TIMEOUT_MS,
    executorId: config.ORCHESTRATION_EXECUTOR_ID || `orchestration@${hostname()}:${config.PORT}`,
    applicationVersion: config.ORCHESTRATION_APP_VERSION,
    approvalTimeoutSeconds: config.APPROVAL_TIMEOUT_SECONDS,
    domainWaitMs: config.DOMAIN_WAIT_SECONDS * 1000,
    stepRetries: { retries: config.STEP_RETRIES, ...retry },
    compensationRetries: { retries: config.COMPENSATION_RETRIES, ...retry },
    audit: config.AUDIT === 'on' ? await readAuditConfig(env, development) : null,
  };
}

import { openAudit, type Audit } from '../../lib/audit/audit.js';
import type { AuditConfig } from '../../lib/audit/config.js';
import { queryAuditLog } from '../../lib/audit/query.js';
import { openPool } from '../../lib/postgres/pool.js';
import type { GraphQLService } from '../../lib/service/graphql.js';
import { GUARDRAIL_LIMITS, type GuardrailLimits } from '../../policies/guardrails/limits.js';
import { createActions } from './actions/actions.js';
import { NO_AUDIT } from './audit/action-audit.js';
import type { OrchestrationContext } from './context.js';
import { awaitDomain } from './domain/await-domain.js';
import type { DomainSubgraph } from './domain/domain-subgraphs.js';
import { createSubgraphClient } from './domain/subgraph-client.js';
import { createOrchestrationSubgraph } from './server.js';
import { actionStore } from './store/action-store.js';
import { migrate } from './store/migrations.js';
import { guardrailLedgers } from './store/guardrail-ledgers.js';
import { launchEngine } from './workflow/engine.js';
import type { RetrySettings } from './workflow/retries.js';

export interface OrchestrationSettings {
  databaseUrl: string;
  /** Signs step calls to the domain subgraphs, and verifies the gateway's principal assertions. */
  internalCallSecret: string;
  subgraphUrls: Record<DomainSubgraph, string>;
  stepTimeoutMs: number;
  executorId: string;
  applicationVersion: string;
  approvalTimeoutSeconds: number;
  stepRetries: RetrySettings;
  compensationRetries: RetrySettings;
  /** Null runs without the audit log (benchmarks of its cost only). */
  audit: AuditConfig | null;
  /** How long launch waits for the domain subgraphs, whose calls recovered workflows resume at once. */
  domainWaitMs: number;
  /** What the guardrails hold to; `GUARDRAIL_LIMITS` unless a test sets smaller ones. */
  guardrailLimits?: GuardrailLimits;
}

/** Claims older than this with no workflow are started at launch (their process died in between). */
const ORPHAN_AGE_SECONDS = 30;

/**
 * The orchestration subgraph with everything it runs on: its tables and DBOS's in one PostgreSQL,
 * the audit log, DBOS launched (recovering this executor's interrupted workflows). Build, don't listen.
 */
export async function createOrchestration(settings: OrchestrationSettings): Promise<GraphQLService<OrchestrationContext>> {
  const pool = await openPool(settings.databaseUrl);
  let audit: Audit | null = null;
  try {
    await migrate(pool);
    audit = settings.audit ? await openAudit(pool, settings.audit) : null;
    const client = createSubgraphClient({ urls: settings.subgraphUrls, secret: settings.internalCallSecret, timeoutMs: settings.stepTimeoutMs });
    const store = actionStore(pool);
    const limits = settings.guardrailLimits ?? GUARDRAIL_LIMITS;
    const ledgers = guardrailLedgers(pool, limits);
    const { stepRetries, compensationRetries, approvalTimeoutSeconds } = settings;
    const deps = { client, store, ledgers, limits, audit: audit?.log ?? NO_AUDIT, stepRetries, compensationRetries, approvalTimeoutSeconds };
    const absent = await awaitDomain(settings.subgraphUrls, settings.domainWaitMs);
    if (absent.length > 0) console.warn(`orchestration: launching while ${absent.join(', ')} do not answer; their steps retry, then undo`);
    const engine = await launchEngine(deps, settings);
    await engine.startOrphans(await store.unfinished(ORPHAN_AGE_SECONDS));
    const opened = audit;
    return createOrchestrationSubgraph(createActions({ engine, store, ledgers, limits, client }), {
      principalSecret: settings.internalCallSecret,
      auditLog: (filter) => queryAuditLog(pool, filter),
      routes: opened?.routes,
      onClose: async () => {
        await engine.close();
        await opened?.close();
        await pool.end();
      },
    });
  } catch (error) {
    await audit?.close();
    await pool.end();
    throw error;
  }
}

import type express from 'express';
import { principalOfRequest } from '../../lib/identity/principal-assertion.js';
import type { GraphQLService, HealthReport } from '../../lib/service/graphql.js';
import { createSubgraphService } from '../../lib/subgraph/subgraph-service.js';
import { ANONYMOUS } from '../../policies/principal.js';
import type { Actions } from './actions/actions.js';
import type { AuditLogReader } from './audit/audit-log-query.js';
import type { OrchestrationContext } from './context.js';
import { resolvers } from './resolvers.js';

export interface OrchestrationServiceOptions {
  /** What the gateway signs its principal assertions with (INTERNAL_CALL_SECRET): the only principal trusted. */
  principalSecret: string;
  /** Reads the audit log for `auditLog`. */
  auditLog: AuditLogReader;
  /** Served beside `/graphql`, e.g. the audit log's published checkpoints. */
  routes?: (app: express.Express) => void;
  health?: () => Promise<HealthReport>;
  /** Runs once the server has stopped: DBOS, the audit log, the pool. */
  onClose?: () => Promise<void>;
}

export function createOrchestrationSubgraph(actions: Actions, options: OrchestrationServiceOptions): GraphQLService<OrchestrationContext> {
  const service = createSubgraphService<OrchestrationContext>({
    name: 'orchestration subgraph',
    schemaFile: new URL('./schema.graphql', import.meta.url),
    resolvers,
    context: () => ({ actions, auditLog: options.auditLog, caller: { principal: ANONYMOUS } }),
  });
  return {
    ...service,
    context: async (request) => ({ ...(await service.context(request)), caller: principalOfRequest(request.req.headers, options.principalSecret) }),
    routes: options.routes,
    health: options.health ?? service.health,
    onClose: async () => {
      await service.onClose?.();
      await options.onClose?.();
    },
  };
}

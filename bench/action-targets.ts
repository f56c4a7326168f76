import type { ServiceEntry } from '../scripts/topology.js';
import { gateway, SHIPPED, type Target } from './targets.js';
import { BENCH_SUBGRAPHS, TARGET_PORTS } from './topology.js';

/** A gateway the actions are measured through, and the orchestration instance it routes them to. */
export interface ActionTarget {
  target: Target;
  orchestration: ServiceEntry;
}

const ORCHESTRATION = BENCH_SUBGRAPHS.find((subgraph) => subgraph.subgraph === 'orchestration')!;
/** The actions' processes are numbered from here on among the targets (port 4740 on), clear of the pages' gateways. */
const FIRST = 20;

/**
 * A second orchestration instance that writes no audit records, for the gateway that writes none
 * either. It shares the run's database with the first: with its audit off it appends to no chain,
 * and DBOS keeps each instance's workflows apart by executor id (its port is in it), as it does for
 * any two instances sharing one PostgreSQL. Each target's idempotency keys are its own, so the
 * orchestrator's table of actions never mixes them.
 */
const UNAUDITED_ORCHESTRATION: ServiceEntry = {
  name: 'orchestration subgraph (audit off)',
  entry: ORCHESTRATION.entry,
  port: TARGET_PORTS + FIRST + 2,
  env: { AUDIT: 'off' },
};

/** One agent places every order, hundreds a second: far past its rate limit (10 actions a minute), which is not what is measured. */
const NO_RATE_LIMITS = { RATE_LIMITS: 'off' };

/** The shipped gateway twice: as it ships (but for rate limits), and with the audit log off in it and in its orchestrator. */
export const ACTION_TARGETS: ActionTarget[] = [
  {
    target: gateway(FIRST, 'ours audit-on', SHIPPED, [], `${SHIPPED} as it ships, rate limits off, its orchestrator too: every call and step in the audit log`, NO_RATE_LIMITS),
    orchestration: ORCHESTRATION,
  },
  {
    target: {
      ...gateway(FIRST + 1, 'ours audit-off', SHIPPED, [], `the same with AUDIT=off in the gateway and in an orchestrator of its own (port ${UNAUDITED_ORCHESTRATION.port})`, {
        ...NO_RATE_LIMITS,
        AUDIT: 'off',
        SUBGRAPH_ORCHESTRATION_URL: `http://127.0.0.1:${UNAUDITED_ORCHESTRATION.port}/graphql`,
      }),
      companions: [UNAUDITED_ORCHESTRATION],
    },
    orchestration: UNAUDITED_ORCHESTRATION,
  },
];

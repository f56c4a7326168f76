import type { RunningServer } from '../../lib/service/listen.js';
import { createGateway, type GatewayOptions } from '../../gateway/server.js';
import { loadSupergraph } from '../../gateway/supergraph.js';
import { SUPERGRAPH_PATH } from '../../scripts/topology.js';
import { createOrchestration } from '../../subgraphs/orchestration/orchestrator.js';
import { TEST_INTERNAL_CALL_SECRET } from './internal-calls.js';
import { orchestrationSettings } from './orchestration-stack.js';
import { testTokenKeys } from './tokens.js';
import { startDomain, type DomainOptions, type SubgraphName, type VendorName } from './domain.js';
import { startGraphQL, type StartedSimulator } from './servers.js';

/**
 * The whole product on free ports, in this process: the domain (`domain.ts`), the gateway, and the
 * orchestration subgraph when asked for. Like every server of `servers.ts`, they stop after the test file.
 */
export interface Stack {
  gateway: RunningServer;
  vendors: Record<VendorName, StartedSimulator>;
  subgraphs: Record<SubgraphName, RunningServer>;
  /** Each subgraph's GraphQL endpoint (`…/graphql`), as the gateway's supergraph names it. */
  subgraphUrls: Record<SubgraphName, string>;
  /**
   * Another gateway instance over the same subgraphs (options as `startStack`'s, on top of the
   * stack's defaults), e.g. a second instance sharing a Redis. `urls` replaces the address of some
   * subgraphs, e.g. a proxy that counts calls or a server that never answers.
   */
  startGateway(options?: Partial<GatewayOptions>, urls?: Partial<Record<SubgraphName, string>>): Promise<RunningServer>;
  /** Zeroes every simulator's counters and clears their faults. */
  resetVendors(): Promise<void>;
  /** Calls every simulator has answered, together. */
  vendorCalls(): Promise<number>;
  /** The orchestration subgraph, when `StackOptions.orchestration` asked for it. */
  orchestration?: RunningServer;
}

export type { SubgraphName, VendorName } from './domain.js';

/** The domain's options, and whether to run the orchestration subgraph too. */
export interface StackOptions extends DomainOptions {
  /**
   * The orchestration subgraph in this process on this database (DBOS runs once per process: one per
   * test file). Without it, the supergraph's orchestration subgraph is not running.
   */
  orchestration?: { databaseUrl: string };
}

export async function startStack(gatewayOptions: Partial<GatewayOptions> = {}, options: StackOptions = {}): Promise<Stack> {
  const { vendors, subgraphs, subgraphUrls, resetVendors, vendorCalls } = await startDomain(options);
  const orchestration = options.orchestration && (await startOrchestrationOn(options.orchestration.databaseUrl, subgraphUrls));
  const orchestrationUrl: Record<string, string> = orchestration ? { orchestration: `${orchestration.url}/graphql` } : {};
  const startGateway = async (more: Partial<GatewayOptions> = {}, urls: Partial<Record<SubgraphName, string>> = {}) =>
    startGraphQL(
      createGateway({
        supergraph: loadSupergraph(SUPERGRAPH_PATH, { ...subgraphUrls, ...orchestrationUrl, ...urls }),
        environment: 'test',
        keys: await testTokenKeys(),
        internalCallSecret: TEST_INTERNAL_CALL_SECRET,
        ...more,
      }),
    );
  const gateway = await startGateway(gatewayOptions);

  return {
    gateway,
    vendors,
    subgraphs,
    subgraphUrls,
    startGateway,
    resetVendors,
    vendorCalls,
    ...(orchestration ? { orchestration } : {}),
  };
}

async function startOrchestrationOn(databaseUrl: string, subgraphUrls: Record<SubgraphName, string>): Promise<RunningServer> {
  const settings = await orchestrationSettings({ secret: TEST_INTERNAL_CALL_SECRET, subgraphUrls }, databaseUrl);
  return startGraphQL(await createOrchestration(settings));
}


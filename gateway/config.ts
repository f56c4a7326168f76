import { parseArgs } from 'node:util';
import { ConfigError, oneOf, port, positiveInteger, readConfig, text, url, type Reader } from '../lib/config.js';
import { PRINCIPAL_KINDS, type PrincipalKind } from '../policies/principal.js';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES, DEFAULT_SOFT_TIMEOUT_MS } from './cache/useCache.js';

export const ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export interface GatewayConfig {
  port: number;
  host: string;
  supergraphPath: string;
  environment: Environment;
  /** Subgraph URLs that replace those written in the supergraph, by subgraph name. */
  subgraphUrls: Record<string, string>;
  healthTimeoutMs: number;
  /** `on`: the product's `policies/`; `off`: no access control; otherwise a module exporting `accessPolicy`. */
  policy: string;
  /** Whether each principal kind's operation limits hold (on any supergraph). */
  limits: boolean;
  /** The cache of subgraph fetches: memory bounds, and Redis when set; `null` when `CACHE=off`. */
  cache: { maxEntries: number; maxBytes: number; softTimeoutMs: number; redisUrl?: string } | null;
  /** The principal kinds that may run only the registered operations (`PERSISTED_OPERATIONS`); none when `off`. */
  persistedOperations: PrincipalKind[];
  /** Whether agents are held to `policies/rate-limits.ts` (`RATE_LIMITS`). */
  rateLimits: boolean;
  /** `REDIS_URL` as set, with the cache on or off: what rate limits count in. */
  redisUrl?: string;
  /** `/mcp` (`MCP=on`, the default): browser origins it also accepts, the public URL, the token issuers it names. */
  mcp: { allowedOrigins: string[]; publicUrl?: string; authorizationServers?: string[] } | null;
  /** `INVALIDATION_SECRET` as set (see `cache/invalidation-secret.ts` for when it is required). */
  invalidationSecret?: string;
  /** `INTERNAL_CALL_SECRET` as set: what the principal forwarded to subgraphs is signed with. */
  internalCallSecret?: string;
}

const USAGE = 'usage: gateway [--supergraph FILE] [--port N] [--host HOST] [--policy on|off|FILE] [--limits on|off] [--cache on|off]';
const SUBGRAPH_URL_VARIABLE = /^SUBGRAPH_([A-Z0-9_]+)_URL$/;
/** Whom each `PERSISTED_OPERATIONS` binds: `all` binds the anonymous storefront too, or dropping the token would escape it. */
const SAFELISTED_KINDS: Record<'agents' | 'all' | 'off', PrincipalKind[]> = { agents: ['agent'], all: [...PRINCIPAL_KINDS], off: [] };

/**
 * Reads the gateway's configuration once: command-line flags win over the environment
 * (`PORT`, `HOST`, `SUPERGRAPH_PATH`, `ACCESS_POLICY`, `OPERATION_LIMITS`, `NODE_ENV`,
 * `HEALTH_TIMEOUT_MS`, `SUBGRAPH_<NAME>_URL`, `CACHE`, `CACHE_MAX_ENTRIES`,
 * `CACHE_MAX_BYTES`, `CACHE_SOFT_TIMEOUT_MS`, `PERSISTED_OPERATIONS`, `RATE_LIMITS`, `MCP`, `MCP_ALLOWED_ORIGINS`, `MCP_AUTHORIZATION_SERVERS`, `GATEWAY_PUBLIC_URL`, `REDIS_URL`, `INVALIDATION_SECRET`, `INTERNAL_CALL_SECRET`). An unset `NODE_ENV` is
 * production: development (Sandbox, stack traces, a generated signing key) is asked for by name.
 */
export function readGatewayConfig(argv: string[], env: NodeJS.ProcessEnv): GatewayConfig {
  const flags = parseFlags(argv);
  const config = readConfig(
    {
      PORT: port(4000),
      HOST: text('127.0.0.1'),
      SUPERGRAPH_PATH: text('schema/supergraph.graphql'),
      ACCESS_POLICY: text('on'),
      OPERATION_LIMITS: oneOf(['on', 'off'], 'on'),
      NODE_ENV: oneOf(ENVIRONMENTS, 'production'),
      HEALTH_TIMEOUT_MS: positiveInteger(1_000),
      CACHE: oneOf(['on', 'off'], 'on'),
      CACHE_MAX_ENTRIES: positiveInteger(DEFAULT_MAX_ENTRIES),
      CACHE_MAX_BYTES: positiveInteger(DEFAULT_MAX_BYTES),
      CACHE_SOFT_TIMEOUT_MS: positiveInteger(DEFAULT_SOFT_TIMEOUT_MS),
      PERSISTED_OPERATIONS: oneOf(['agents', 'all', 'off'], 'agents'),
      RATE_LIMITS: oneOf(['on', 'off'], 'on'),
      MCP: oneOf(['on', 'off'], 'on'),
      MCP_ALLOWED_ORIGINS: text(''),
      MCP_AUTHORIZATION_SERVERS: text(''),
      GATEWAY_PUBLIC_URL: optionalUrl(),
      REDIS_URL: redisUrl(),
      INVALIDATION_SECRET: text(''),
      INTERNAL_CALL_SECRET: text(''),
      ...subgraphUrlReaders(env),
    },
    {
      ...env,
      PORT: flags.port ?? env.PORT,
      HOST: flags.host ?? env.HOST,
      SUPERGRAPH_PATH: flags.supergraph ?? env.SUPERGRAPH_PATH,
      ACCESS_POLICY: flags.policy ?? env.ACCESS_POLICY,
      OPERATION_LIMITS: flags.limits ?? env.OPERATION_LIMITS,
      CACHE: flags.cache ?? env.CACHE,
    },
  );
  const subgraphUrls: Record<string, string> = {};
  for (const [variable, value] of Object.entries(config)) {
    const name = SUBGRAPH_URL_VARIABLE.exec(variable)?.[1];
    if (name) subgraphUrls[name.toLowerCase()] = value as string;
  }
  return {
    port: config.PORT,
    host: config.HOST,
    supergraphPath: config.SUPERGRAPH_PATH,
    environment: config.NODE_ENV,
    subgraphUrls,
    healthTimeoutMs: config.HEALTH_TIMEOUT_MS,
    policy: config.ACCESS_POLICY,
    limits: config.OPERATION_LIMITS === 'on',
    cache:
      config.CACHE === 'on'
        ? { maxEntries: config.CACHE_MAX_ENTRIES, maxBytes: config.CACHE_MAX_BYTES, softTimeoutMs: config.CACHE_SOFT_TIMEOUT_MS, redisUrl: config.REDIS_URL }
        : null,
    persistedOperations: SAFELISTED_KINDS[config.PERSISTED_OPERATIONS],
    rateLimits: config.RATE_LIMITS === 'on',
    redisUrl: config.REDIS_URL,
    mcp:
      config.MCP === 'on'
        ? {
            allowedOrigins: list(config.MCP_ALLOWED_ORIGINS),
            publicUrl: config.GATEWAY_PUBLIC_URL,
            authorizationServers: config.MCP_AUTHORIZATION_SERVERS ? list(config.MCP_AUTHORIZATION_SERVERS) : undefined,
          }
        : null,
    invalidationSecret: config.INVALIDATION_SECRET || undefined,
    internalCallSecret: config.INTERNAL_CALL_SECRET || undefined,
  };
}

type Flags = { supergraph?: string; port?: string; host?: string; policy?: string; limits?: string; cache?: string };

function parseFlags(argv: string[]): Flags {
  try {
    return parseArgs({
      args: argv,
      options: {
        supergraph: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        policy: { type: 'string' },
        limits: { type: 'string' },
        cache: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new ConfigError([`${(error as Error).message}; ${USAGE}`]);
  }
}

function subgraphUrlReaders(env: NodeJS.ProcessEnv) {
  const names = Object.keys(env).filter((variable) => SUBGRAPH_URL_VARIABLE.test(variable));
  return Object.fromEntries(names.map((variable) => [variable, url()]));
}

/** Its value is never echoed: a Redis URL may carry a password. */
function redisUrl(): Reader<string | undefined> {
  return (raw) => {
    if (raw === undefined || raw === '') return undefined;
    if (!URL.canParse(raw) || !['redis:', 'rediss:'].includes(new URL(raw).protocol)) throw new Error('must be a redis:// or rediss:// URL');
    return raw;
  };
}

function optionalUrl(): Reader<string | undefined> {
  const required = url();
  return (raw) => (raw === undefined || raw === '' ? undefined : required(raw));
}

/** `a, b` → `['a', 'b']`. */
function list(raw: string): string[] {
  return raw.split(',').map((item) => item.trim()).filter(Boolean);
}

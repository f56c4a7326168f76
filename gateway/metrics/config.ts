import { port, readConfig, text, type Reader } from '../../lib/config.js';
import { MINIMUM_SECRET_LENGTH } from '../../lib/signing/development-secret.js';
import type { Environment } from '../config.js';

/** Where `/metrics` is served, if anywhere. */
export type MetricsExposure =
  /** A listener of its own, for a scraper on the internal network; a token, when set, is required there too. */
  | { served: 'own-port'; port: number; host: string; token?: string }
  /** Beside `/graphql`: behind the bearer token, or open (never in production). */
  | { served: 'public-listener'; token?: string }
  | { served: 'off'; reason: string };

/**
 * Reads `METRICS_PORT` (its own listener, on `METRICS_HOST`, 127.0.0.1 by default) and
 * `METRICS_TOKEN` (a bearer token of at least 32 characters). Without either, development and test
 * serve `/metrics` open on the public listener, and production does not serve it: `reason` says
 * why, for the start-up log.
 */
export function readMetricsConfig(env: NodeJS.ProcessEnv, environment: Environment): MetricsExposure {
  const config = readConfig({ METRICS_PORT: port(0), METRICS_HOST: text('127.0.0.1'), METRICS_TOKEN: bearerToken() }, env);
  const token = config.METRICS_TOKEN;
  if (env.METRICS_PORT) return { served: 'own-port', port: config.METRICS_PORT, host: config.METRICS_HOST, token };
  if (token) return { served: 'public-listener', token };
  if (environment !== 'production') return { served: 'public-listener' };
  return {
    served: 'off',
    reason: '/metrics is off: in production it is served on its own port (METRICS_PORT) or behind a bearer token (METRICS_TOKEN), never open',
  };
}

function bearerToken(): Reader<string | undefined> {
  return (raw) => {
    if (raw === undefined || raw === '') return undefined;
    if (raw.length < MINIMUM_SECRET_LENGTH || !/^[\x21-\x7e]+$/.test(raw)) {
      throw new Error(`must be at least ${MINIMUM_SECRET_LENGTH} printable characters without spaces`);
    }
    return raw;
  };
}

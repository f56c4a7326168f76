import { describe, expect, it } from 'vitest';
import { bearerTokenMatches } from '../gateway/metrics/bearer-token.js';
import { readMetricsConfig } from '../gateway/metrics/config.js';
import { ConfigError } from '../lib/config.js';

const TOKEN = 'metrics-token-of-at-least-32-characters';

describe('where /metrics is served', () => {
  it('is nowhere in production without METRICS_PORT or METRICS_TOKEN, with a reason to log', () => {
    expect(readMetricsConfig({}, 'production')).toEqual({
      served: 'off',
      reason: '/metrics is off: in production it is served on its own port (METRICS_PORT) or behind a bearer token (METRICS_TOKEN), never open',
    });
  });

  it('is the public listener behind the token when METRICS_TOKEN is set', () => {
    expect(readMetricsConfig({ METRICS_TOKEN: TOKEN }, 'production')).toEqual({ served: 'public-listener', token: TOKEN });
  });

  it('is a listener of its own on METRICS_PORT, on 127.0.0.1 unless METRICS_HOST says otherwise', () => {
    expect(readMetricsConfig({ METRICS_PORT: '9464' }, 'production')).toEqual({ served: 'own-port', port: 9464, host: '127.0.0.1' });
    expect(readMetricsConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: TOKEN }, 'production')).toEqual({
      served: 'own-port',
      port: 9464,
      host: '0.0.0.0',
      token: TOKEN,
    });
  });

  it('is the public listener, open, in development and test', () => {
    expect(readMetricsConfig({}, 'development')).toEqual({ served: 'public-listener' });
    expect(readMetricsConfig({}, 'test')).toEqual({ served: 'public-listener' });
  });

  it('refuses a short token and a bad port, in one error', () => {
    const read = () => readMetricsConfig({ METRICS_PORT: '70000', METRICS_TOKEN: 'short' }, 'production');
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/METRICS_PORT must be a port number.*\n.*METRICS_TOKEN must be at least 32 printable characters/);
  });
});

describe('the bearer token comparison', () => {
  it('takes the token after a case-insensitive Bearer, and nothing else', () => {
    expect(bearerTokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerTokenMatches(`bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerTokenMatches(TOKEN, TOKEN)).toBe(false);
    expect(bearerTokenMatches(undefined, TOKEN)).toBe(false);
  });

  it('compares presented tokens of any length without throwing (both sides are hashed to one length)', () => {
    expect(bearerTokenMatches('Bearer x', TOKEN)).toBe(false);
    expect(bearerTokenMatches(`Bearer ${TOKEN}${TOKEN}`, TOKEN)).toBe(false);
  });
});

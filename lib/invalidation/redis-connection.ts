import { Redis } from 'ioredis';

export interface FailFastOptions {
  /** Longest a command may take before it fails; no caller waits on Redis longer than this. */
  commandTimeoutMs: number;
  /** Names the connection in log lines, e.g. `invalidation publisher`. */
  name: string;
}

/**
 * A Redis connection that fails fast while Redis is gone: ioredis's defaults queue commands until it
 * returns, which would block whoever waits on them. Reconnects in the background, and says once
 * when Redis went away and when it came back.
 */
export function connectFailFast(url: string, { commandTimeoutMs, name }: FailFastOptions): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    console.error(`Redis (${name}) is unreachable, retrying in the background: ${error.message}`);
  });
  redis.on('ready', () => {
    if (down) console.error(`Redis (${name}) is back`);
    down = false;
  });
  return redis;
}

/** Resolves once the connection is ready, waiting at most `timeoutMs` (the first command after start-up, or after an outage). */
export async function whenReady(redis: Redis, timeoutMs: number): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off('ready', ready);
      reject(new Error(`Redis is not connected (${redis.status}) after ${timeoutMs} ms`));
    }, timeoutMs);
    const ready = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', ready);
  });
}

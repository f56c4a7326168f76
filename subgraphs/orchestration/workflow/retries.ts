import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';

/** How often, and how patiently, a call is tried again. */
export interface RetrySettings {
  /** Retries after the first attempt; 0 tries once. */
  retries: number;
  /** The first wait; each later one about doubles (with jitter), up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
}

export type Attempted<T> = { ok: true; value: T; attempts: number } | { ok: false; error: unknown; attempts: number };

/** `work`'s value, or its last error once `shouldRetry` says no or the retries run out; either way, how many attempts it took. */
export async function withRetries<T>(settings: RetrySettings, shouldRetry: (error: Error) => boolean, work: () => Promise<T>): Promise<Attempted<T>> {
  const policy = retry(handleWhen(shouldRetry), {
    maxAttempts: settings.retries,
    backoff: new ExponentialBackoff({ initialDelay: settings.initialDelayMs, maxDelay: settings.maxDelayMs }),
  });
  let attempts = 0;
  try {
    const value = await policy.execute(() => {
      attempts++;
      return work();
    });
    return { ok: true, value, attempts };
  } catch (error) {
    return { ok: false, error, attempts };
  }
}

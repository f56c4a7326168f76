/**
 * One write a simulator performed: its `kind` (`hold`, `release`, `authorization`, …), the caller's
 * `reference` it was keyed by, and whatever else the vendor wants to show (ids, quantities, amounts).
 */
export interface Effect {
  kind: string;
  reference: string;
  [detail: string]: unknown;
}

/**
 * The writes a simulator performed, one entry per effect, so tests count "exactly one effect or
 * none" at the vendor (`GET /_admin/effects`). A write that is a replay of an earlier one (same
 * reference, same idempotency key) records nothing: it has no effect.
 */
export interface EffectsLedger {
  record(effect: Effect): void;
  list(): readonly Effect[];
  /** What `POST /_admin/reset` does to it. */
  clear(): void;
}

export function createEffectsLedger(): EffectsLedger {
  let effects: Effect[] = [];
  return {
    record: (effect) => {
      effects.push(effect);
    },
    list: () => effects,
    clear: () => {
      effects = [];
    },
  };
}

import type { JsonValue } from './record.js';

/** Keys whose values never reach the audit log: secrets and personal data. */
export const DEFAULT_SECRET_NAMES = ['password', 'secret', 'token', 'apiKey', 'authorization', 'cardNumber', 'cvc', 'cvv', 'iban', 'email', 'phone', 'address'];

export const REDACTED = '[REDACTED]';

/**
 * `variables` with the value of every key that names a secret masked, at any depth. A key matches when it
 * contains a name, ignoring case, `_` and `-`: `accessToken`, `billing_address` and `EMAIL` all do.
 */
export function redact(variables: { [key: string]: JsonValue }, secretNames: readonly string[] = DEFAULT_SECRET_NAMES): { [key: string]: JsonValue } {
  const names = secretNames.map(normalized);
  const isSecret = (key: string) => names.some((name) => normalized(key).includes(name));
  const walk = (value: JsonValue): JsonValue => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, isSecret(key) ? REDACTED : walk(item)]));
  };
  return walk(variables) as { [key: string]: JsonValue };
}

function normalized(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

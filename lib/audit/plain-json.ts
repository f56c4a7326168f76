import type { JsonValue } from './record.js';

/** A lone UTF-16 surrogate (in `u` mode a pair is one code point and does not match) or a NUL. */
const UNSTORABLE = /\p{Cs}|\0/gu;

/**
 * `value` as plain JSON that PostgreSQL stores and RFC 8785 canonicalizes exactly as given: what a record's
 * hash is computed over must be what reading it back yields. So strings lose lone surrogates and NULs
 * (to U+FFFD; RFC 8785 refuses the first, PostgreSQL text the second), `toJSON` is applied (dates), and
 * what JSON drops (undefined, functions) or cannot hold (NaN, Infinity: null) goes as `JSON.stringify` would.
 */
export function plainJson(value: unknown): JsonValue {
  if (value === null) return null;
  if (typeof value === 'string') return plainString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return plainJson((value as { toJSON(): unknown }).toJSON());
  }
  if (Array.isArray(value)) return value.map((item) => (isDropped(item) ? null : plainJson(item)));
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, item]) => !isDropped(item));
    return Object.fromEntries(entries.map(([key, item]) => [plainString(key), plainJson(item)]));
  }
  return null;
}

export function plainString(text: string): string {
  return text.replace(UNSTORABLE, '\uFFFD');
}

function isDropped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

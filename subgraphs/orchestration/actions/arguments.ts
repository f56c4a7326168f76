import { badUserInput } from '../../../lib/subgraph/bad-user-input.js';
import { todayUtc } from './today.js';

/** Readers of the actions' arguments: each returns the value the action's input holds, or throws BAD_USER_INPUT. */
export const REGIONS = ['EU', 'US', 'UK'] as const;
const MAX_LIST = 50;

export function readRegion(value: unknown): string {
  if (!(REGIONS as readonly unknown[]).includes(value)) throw badUserInput(`Unknown region "${String(value)}": use one of ${REGIONS.join(', ')}`);
  return value as string;
}

export function readText(name: string, value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw badUserInput(`"${name}" must not be empty`);
  return text;
}

export function readOptionalText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function readQuantity(name: string, value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > 1000) throw badUserInput(`"${name}" must be a whole number from 1 to 1000`);
  return value as number;
}

/** An amount in major units, above zero, with at most two decimals. */
export function readAmount(name: string, value: unknown): number {
  const amount = typeof value === 'number' ? value : NaN;
  if (!(amount > 0) || Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) throw badUserInput(`"${name}" must be above 0 with at most two decimals`);
  return amount;
}

export function readPercent(value: unknown): number {
  const percent = typeof value === 'number' ? value : NaN;
  if (!(percent > 0 && percent < 100)) throw badUserInput('"percent" must be above 0 and below 100');
  return percent;
}

export function readCurrency(value: unknown): string {
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) throw badUserInput(`"currency" must be an ISO 4217 code such as EUR, got "${String(value)}"`);
  return value;
}

/** `YYYY-MM-DD` of a real calendar day. */
export function readDate(name: string, value: unknown): string {
  const time = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  const valid = !Number.isNaN(time) && new Date(time).toISOString().startsWith(value as string);
  if (!valid) throw badUserInput(`"${name}" must be a calendar date YYYY-MM-DD, got "${String(value)}"`);
  return value as string;
}

/** A list of 1 to 50 entries, each read by `read`, none twice. */
export function readList<T>(name: string, value: unknown, read: (item: unknown) => T, key: (item: T) => string = String): T[] {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_LIST) throw badUserInput(`"${name}" must list 1 to ${MAX_LIST} entries`);
  const items = value.map(read);
  if (new Set(items.map(key)).size !== items.length) throw badUserInput(`"${name}" lists an entry twice`);
  return items;
}

/** A calendar date no earlier than today (UTC). */
export function readFutureDate(name: string, value: unknown): string {
  const date = readDate(name, value);
  if (date < todayUtc()) throw badUserInput(`"${name}" must be today or later, got "${date}"`);
  return date;
}

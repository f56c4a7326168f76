import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import { isIsoDate, todayUtc } from './dates.js';

/** The regions of the federation contract. */
export const REGIONS = ['EU', 'US', 'UK'] as const;
export const MAX_CAPACITY_DAYS = 60;

export function readRegion(region: string): string {
  if (!(REGIONS as readonly string[]).includes(region)) {
    throw badUserInput(`Unknown region "${region}": use one of ${REGIONS.join(', ')}`);
  }
  return region;
}

/** A `YYYY-MM-DD` argument; absent means today (UTC). */
export function readDate(name: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return todayUtc();
  if (!isIsoDate(value)) throw badUserInput(`"${name}" must be a calendar date YYYY-MM-DD, got "${value}"`);
  return value;
}

export function readDays(days: number | null | undefined): number {
  const value = days ?? 7;
  if (!Number.isInteger(value) || value < 1 || value > MAX_CAPACITY_DAYS) {
    throw badUserInput(`"days" must be between 1 and ${MAX_CAPACITY_DAYS}, got ${value}`);
  }
  return value;
}

export function readText(name: string, value: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badUserInput(`"${name}" must not be empty`);
  return trimmed;
}


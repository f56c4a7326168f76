import type { WmsCapacityDay, WmsFacility } from './types.js';

/**
 * Dock capacity per facility and day. The bookings other clients already made are derived from a
 * hash of (facility, date), so any date asked about has a stable, realistic load: about one day in
 * eight is full, one in twelve has a single unit left. Bookings made through this API are added in memory.
 */
export interface CapacityLedger {
  day(facility: WmsFacility, date: string): WmsCapacityDay;
  /** Adds (or, negative, releases) units booked on a day. */
  book(facility: WmsFacility, date: string, units: number): void;
}

export function createCapacityLedger(): CapacityLedger {
  const bookedHere = new Map<string, number>();
  const key = (facility: WmsFacility, date: string) => `${facility.facility_code}|${date}`;
  return {
    day(facility, date) {
      const capacity = facility.daily_capacity_units;
      const booked = Math.min(capacity, backgroundLoad(facility.facility_code, date, capacity) + (bookedHere.get(key(facility, date)) ?? 0));
      return { facility_code: facility.facility_code, date, capacity_units: capacity, booked_units: booked };
    },
    book(facility, date, units) {
      const k = key(facility, date);
      bookedHere.set(k, Math.max(0, (bookedHere.get(k) ?? 0) + units));
    },
  };
}

function backgroundLoad(facilityCode: string, date: string, capacity: number): number {
  const hash = fnv1a(`${facilityCode}|${date}`);
  const bucket = hash % 100;
  if (bucket < 12) return capacity;
  if (bucket < 20) return capacity - 1;
  const share = 0.3 + ((hash >>> 8) % 65) / 100;
  return Math.floor(capacity * share);
}

/** 32-bit FNV-1a: small, fast and the same on every run. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

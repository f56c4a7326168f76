import type { Region, StockLookup, StockPosition, StockSource } from './adapter.js';

/** `SourceAvailability` as resolvers return it: a stock position, whatever its variant. */
export type SourceAvailabilityView = Omit<StockPosition, 'variantSku'>;

/** `Availability` as resolvers return it. */
export interface AvailabilityView {
  sku: string;
  region: Region;
  available: number;
  reserved: number;
  safetyStock: number;
  inStock: boolean;
  complete: boolean;
  unavailableSources: StockSource[];
  sources: SourceAvailabilityView[];
}

const SOURCE_ORDER: readonly StockSource[] = ['WAREHOUSE', 'STORE', 'DROPSHIP'];

/** Sums a lookup per location (a product's variants add up per location), then over locations. */
export function summarizeAvailability(sku: string, region: Region, lookup: StockLookup): AvailabilityView {
  const byLocation = new Map<string, SourceAvailabilityView>();
  for (const position of lookup.positions) {
    const key = `${position.source}:${position.locationId}`;
    const location = byLocation.get(key);
    if (location) addTo(location, position);
    else byLocation.set(key, { ...pickFigures(position), source: position.source, locationId: position.locationId });
  }
  const sources = [...byLocation.values()].sort(
    (a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) || a.locationId.localeCompare(b.locationId),
  );
  const total = (figure: 'available' | 'reserved' | 'safetyStock') => sources.reduce((sum, source) => sum + source[figure], 0);
  const available = total('available');
  const unavailableSources = SOURCE_ORDER.filter((source) => lookup.failures.some((failure) => failure.source === source));
  return {
    sku,
    region,
    available,
    reserved: total('reserved'),
    safetyStock: total('safetyStock'),
    inStock: available > 0,
    complete: unavailableSources.length === 0,
    unavailableSources,
    sources,
  };
}

function pickFigures({ available, reserved, safetyStock, leadTimeDays }: StockPosition) {
  return { available, reserved, safetyStock, leadTimeDays };
}

function addTo(location: SourceAvailabilityView, position: StockPosition): void {
  location.available += position.available;
  location.reserved += position.reserved;
  location.safetyStock += position.safetyStock;
  if (position.leadTimeDays !== null) {
    location.leadTimeDays = Math.min(location.leadTimeDays ?? position.leadTimeDays, position.leadTimeDays);
  }
}

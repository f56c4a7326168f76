import type { CapacityDay, FulfillmentItem, RegionOutlook, ServiceLevel } from './adapter.js';
import { addDays } from './dates.js';

/** How far ahead of the order date a promise looks for shipping capacity. */
export const PROMISE_HORIZON_DAYS = 60;

export interface DeliveryPromise {
  region: string;
  shipDate: string;
  earliestDate: string;
  latestDate: string;
  carrier: string;
  serviceLevel: ServiceLevel;
  warehouseId: string;
}

/**
 * The delivery promise rule (documented on `Product.deliveryPromise` in the SDL):
 * ship on the first day on/after the order date on which a warehouse of the region has the item's
 * capacity units free (1 for parcels, 2 for bulky items); earliest = ship date + the fastest standard
 * transit, latest = ship date + the slowest standard transit, plus one day for bulky items.
 * `null` when the region has no standard service or no capacity within the horizon.
 */
export function promiseDelivery(item: FulfillmentItem, outlook: RegionOutlook, orderDate: string): DeliveryPromise | null {
  const standard = outlook.services.filter((service) => service.serviceLevel === 'STANDARD');
  const slot = firstFreeSlot(outlook.capacity, orderDate, item.capacityUnits);
  if (standard.length === 0 || !slot) return null;
  const fastest = standard.reduce((best, service) => (service.transitDays < best.transitDays ? service : best));
  const slowestDays = Math.max(...standard.map((service) => service.transitDays));
  return {
    region: outlook.region,
    shipDate: slot.date,
    earliestDate: addDays(slot.date, fastest.transitDays),
    latestDate: addDays(slot.date, slowestDays + (item.handling === 'BULKY' ? 1 : 0)),
    carrier: fastest.carrier,
    serviceLevel: fastest.serviceLevel,
    warehouseId: slot.warehouseId,
  };
}

/** The earliest day with room; on a tie, the warehouse the WMS routes to first. */
function firstFreeSlot(capacity: CapacityDay[], from: string, units: number): CapacityDay | undefined {
  let best: CapacityDay | undefined;
  for (const day of capacity) {
    if (day.date < from || day.capacity - day.booked < units) continue;
    if (!best || day.date < best.date) best = day;
  }
  return best;
}

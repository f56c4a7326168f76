/**
 * The fulfillment domain's port: what the subgraph needs from a warehouse-management system.
 * Dates are `YYYY-MM-DD` (UTC calendar days); regions are `EU`, `US`, `UK`.
 */
export type ServiceLevel = 'STANDARD' | 'EXPRESS';
export type HandlingClass = 'PARCEL' | 'BULKY';

export interface Money {
  amount: number;
  currency: string;
}

/** How the warehouse handles one sku, and the daily shipping capacity one shipment of it takes. */
export interface FulfillmentItem {
  sku: string;
  handling: HandlingClass;
  capacityUnits: number;
}

export interface CapacityDay {
  warehouseId: string;
  date: string;
  capacity: number;
  booked: number;
}

export interface ShippingService {
  carrier: string;
  serviceLevel: ServiceLevel;
  transitDays: number;
  price: Money;
}

/** A region's warehouses' capacity over a window (warehouses in routing order) and the services shipping there. */
export interface RegionOutlook {
  region: string;
  capacity: CapacityDay[];
  services: ShippingService[];
}

export interface FulfillmentBooking {
  id: string;
  sku: string;
  region: string;
  warehouseId: string;
  shipDate: string;
  capacityUnits: number;
  reference: string;
  status: 'BOOKED' | 'CANCELLED';
}

export interface BookingRequest {
  sku: string;
  region: string;
  shipDate: string;
  reference: string;
}

/** Why a booking was refused: the warehouse said no, not the connection. */
export type BookingRefusal = 'NO_CAPACITY' | 'UNKNOWN_SKU';

/** `changed`: this call reserved capacity; false when the reference had its booking already (in whatever status). */
export type BookingOutcome = { booked: FulfillmentBooking; changed: boolean } | { refused: BookingRefusal; message: string };

export interface FulfillmentAdapter {
  /** In the order asked; `null` for skus the warehouse does not know. */
  itemsBySkus(skus: readonly string[]): Promise<(FulfillmentItem | null)[]>;
  regionOutlook(region: string, from: string, days: number): Promise<RegionOutlook>;
  /** All warehouses when `warehouseId` is null; an unknown warehouse gives an empty list. */
  warehouseCapacity(warehouseId: string | null, from: string, days: number): Promise<CapacityDay[]>;
  shippingServices(region: string): Promise<ShippingService[]>;
  /**
   * Reserves capacity on the ship date at the region's first warehouse with room, once per reference:
   * a reference booked before returns its booking as it is now, cancelled or not.
   */
  book(request: BookingRequest): Promise<BookingOutcome>;
  /** Cancels the booking of a reference: the booking as cancelled now; `null` when there was nothing to cancel (unknown or cancelled already). */
  cancelBooking(reference: string): Promise<FulfillmentBooking | null>;
}

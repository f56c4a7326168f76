import type { CapacityDay, FulfillmentBooking, FulfillmentItem, ShippingService } from './adapter.js';

/** The WMS's REST shapes, as far as this adapter reads them. */
export interface WmsFacility {
  facility_code: string;
  site_ref: string;
}

export interface WmsCalendar {
  facilities: WmsFacility[];
  calendar: { facility_code: string; date: string; capacity_units: number; booked_units: number }[];
  carriers?: WmsCarrier[];
}

export interface WmsCarrier {
  carrier_name: string;
  service_levels: { service_tier: string; transit_days: number; rate: { value: string; currency: string } }[];
}

export interface WmsItem {
  item_number: string;
  handling_class: string;
  outbound_units: number;
}

export interface WmsShipment {
  shipment_id: string;
  status: string;
  item_number: string;
  site_ref: string;
  region_code: string;
  ship_date: string;
  outbound_units: number;
  client_reference: string;
}

/** Calendar rows keyed by our warehouse ids (the ERP site refs), in the WMS's facility order. */
export function toCapacityDays(response: WmsCalendar): CapacityDay[] {
  const siteByCode = new Map(response.facilities.map((facility) => [facility.facility_code, facility.site_ref]));
  return response.calendar.map((day) => ({
    warehouseId: siteByCode.get(day.facility_code) ?? day.facility_code,
    date: day.date,
    capacity: day.capacity_units,
    booked: day.booked_units,
  }));
}

export function toShippingServices(carriers: WmsCarrier[]): ShippingService[] {
  return carriers.flatMap((carrier) =>
    carrier.service_levels.map((service) => ({
      carrier: carrier.carrier_name,
      serviceLevel: service.service_tier === 'EXPEDITED' ? 'EXPRESS' : 'STANDARD',
      transitDays: service.transit_days,
      price: { amount: Number(service.rate.value), currency: service.rate.currency },
    })),
  );
}

export function toItem(item: WmsItem): FulfillmentItem {
  return {
    sku: item.item_number,
    handling: item.handling_class === 'BULKY' ? 'BULKY' : 'PARCEL',
    capacityUnits: item.outbound_units,
  };
}

export function toBooking(shipment: WmsShipment): FulfillmentBooking {
  return {
    id: shipment.shipment_id,
    sku: shipment.item_number,
    region: shipment.region_code,
    warehouseId: shipment.site_ref,
    shipDate: shipment.ship_date,
    capacityUnits: shipment.outbound_units,
    reference: shipment.client_reference,
    status: shipment.status === 'CANCELLED' ? 'CANCELLED' : 'BOOKED',
  };
}

/** The WMS's own API shapes (snake_case, its own codes and units), as its REST endpoints return them. */
export type WmsRegionCode = 'EU' | 'US' | 'UK';

export interface WmsFacility {
  /** The WMS's own code: country + city + site number, e.g. `DEHAM1`. */
  facility_code: string;
  /** The ERP site this facility is, e.g. `WH-EU-HAM`. */
  site_ref: string;
  name: string;
  region_code: WmsRegionCode;
  timezone: string;
  /** Outbound dock units the facility can ship per day. */
  daily_capacity_units: number;
}

export interface WmsCapacityDay {
  facility_code: string;
  date: string;
  capacity_units: number;
  booked_units: number;
}

export interface WmsServiceLevel {
  service_code: string;
  service_tier: 'GROUND' | 'EXPEDITED';
  transit_days: number;
  /** Decimal string in the lane's currency, e.g. `"4.95"`. */
  rate: { value: string; currency: string };
}

export interface WmsCarrier {
  scac: string;
  carrier_name: string;
  lanes: WmsRegionCode[];
  service_levels: WmsServiceLevel[];
}

export interface WmsItem {
  item_number: string;
  /** The base item a variant belongs to; `null` on a base item. */
  parent_item_number: string | null;
  description: string;
  handling_class: 'PARCEL' | 'BULKY';
  /** Dock capacity one shipment of this item takes. */
  outbound_units: number;
}

export interface WmsShipment {
  shipment_id: string;
  status: 'RESERVED' | 'CANCELLED';
  item_number: string;
  facility_code: string;
  site_ref: string;
  region_code: WmsRegionCode;
  ship_date: string;
  outbound_units: number;
  client_reference: string;
  created_at: string;
}

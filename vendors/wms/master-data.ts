import { CURRENCY_BY_REGION, REGIONS, type SeedData } from '../seed/index.js';
import type { WmsCarrier, WmsFacility, WmsItem, WmsRegionCode } from './types.js';

/** Where the seed's sites are, keyed by their city code (`WH-EU-HAM` → `HAM`); unknown sites get their region's default. */
const SITE_LOCATIONS: Record<string, { country: string; timezone: string }> = {
  HAM: { country: 'DE', timezone: 'Europe/Berlin' },
  LYS: { country: 'FR', timezone: 'Europe/Paris' },
  MEM: { country: 'US', timezone: 'America/Chicago' },
  CVT: { country: 'GB', timezone: 'Europe/London' },
};
const REGION_DEFAULT_LOCATION: Record<WmsRegionCode, { country: string; timezone: string }> = {
  EU: { country: 'DE', timezone: 'Europe/Berlin' },
  US: { country: 'US', timezone: 'America/New_York' },
  UK: { country: 'GB', timezone: 'Europe/London' },
};
const BULKY_OUTBOUND_UNITS = 2;

/** The WMS's master data, indexed once from the seed. */
export interface MasterData {
  /** In the WMS's routing order: the first facility of a region with room ships. */
  facilities: WmsFacility[];
  facilitiesByCode: Map<string, WmsFacility>;
  carriers: SeedData['carriers'];
  itemsByNumber: Map<string, WmsItem>;
}

export function isRegionCode(value: unknown): value is WmsRegionCode {
  return typeof value === 'string' && (REGIONS as readonly string[]).includes(value);
}

export function indexMasterData(data: SeedData): MasterData {
  const facilities = data.warehouses.map((warehouse): WmsFacility => {
    const city = warehouse.id.split('-').at(-1) ?? warehouse.id;
    const { country, timezone } = SITE_LOCATIONS[city] ?? REGION_DEFAULT_LOCATION[warehouse.region];
    return {
      facility_code: `${country}${city}1`,
      site_ref: warehouse.id,
      name: warehouse.name,
      region_code: warehouse.region,
      timezone,
      daily_capacity_units: warehouse.dailyCapacity,
    };
  });
  const itemsByNumber = new Map<string, WmsItem>();
  for (const product of data.products) {
    const handling_class = product.handling === 'bulky' ? 'BULKY' : 'PARCEL';
    const outbound_units = handling_class === 'BULKY' ? BULKY_OUTBOUND_UNITS : 1;
    const item = { handling_class, outbound_units } as const;
    itemsByNumber.set(product.sku, { item_number: product.sku, parent_item_number: null, description: product.name.en, ...item });
    for (const variant of product.variants) {
      const description = `${product.name.en} (${Object.values(variant.options).join(' / ')})`;
      itemsByNumber.set(variant.sku, { item_number: variant.sku, parent_item_number: product.sku, description, ...item });
    }
  }
  return {
    facilities,
    facilitiesByCode: new Map(facilities.map((facility) => [facility.facility_code, facility])),
    carriers: data.carriers,
    itemsByNumber,
  };
}

/** The carriers serving a lane, with rates as decimal strings in the lane's currency. */
export function carriersForLane(master: MasterData, lane: WmsRegionCode): WmsCarrier[] {
  return master.carriers
    .filter((carrier) => carrier.regions.includes(lane))
    .map((carrier) => ({
      scac: carrier.id.toUpperCase().replace(/[^A-Z]/g, '').slice(0, 4),
      carrier_name: carrier.name,
      lanes: carrier.regions,
      service_levels: carrier.services.map((service) => ({
        service_code: `${carrier.id.toUpperCase()}_${service.level === 'express' ? 'EXPRESS' : 'GROUND'}`,
        service_tier: service.level === 'express' ? 'EXPEDITED' : 'GROUND',
        transit_days: service.transitDays,
        rate: { value: (service.priceCents / 100).toFixed(2), currency: CURRENCY_BY_REGION[lane] },
      })),
    }));
}

/**
 * The one deterministic data set behind every vendor simulator. It is vendor-neutral truth:
 * each simulator takes its slice and reshapes it into its own vendor's API.
 */
export const REGIONS = ['EU', 'US', 'UK'] as const;
export type Region = (typeof REGIONS)[number];
export const CURRENCY_BY_REGION: Record<Region, string> = { EU: 'EUR', US: 'USD', UK: 'GBP' };

export interface Localized {
  en: string;
  de: string;
}

export interface SeedProduct {
  /** `P0001` … : the canonical product id clients see. */
  id: string;
  /** `SKU-10001` …: the base SKU that every vendor's own scheme maps from. */
  sku: string;
  name: Localized;
  description: Localized;
  brand: string;
  /** Category paths, e.g. `apparel/shoes`. */
  categories: string[];
  attributes: { key: string; value: Localized }[];
  media: { url: string; alt: string; kind: 'image' | 'video' }[];
  variants: SeedVariant[];
  /** Minor units (cents) per region. */
  prices: Record<Region, { list: number; sale: number | null }>;
  /** Purchase cost in EUR cents, and who supplies it: sensitive commercial data. */
  costEurCents: number;
  supplier: string;
  /** Parcel class the warehouse handles it as. */
  handling: 'parcel' | 'bulky';
}

export interface SeedVariant {
  /** `SKU-10001-01` … */
  sku: string;
  gtin: string;
  options: { size?: string; color: string };
}

export interface SeedAddress {
  id: string;
  kind: 'shipping' | 'billing';
  line1: string;
  city: string;
  postalCode: string;
  country: string;
  region: Region;
}

export interface SeedCustomer {
  /** `C0001` … `C2000` */
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  addresses: SeedAddress[];
  segments: string[];
  loyalty: { tier: 'BRONZE' | 'SILVER' | 'GOLD' | 'PLATINUM'; points: number };
  consent: { email: boolean; sms: boolean; profiling: boolean };
  paymentMethods: { id: string; brand: string; last4: string; expMonth: number; expYear: number }[];
  createdAt: string;
}

export interface SeedLine {
  productId: string;
  variantSku: string;
  quantity: number;
}

export interface SeedCart {
  id: string;
  customerId: string;
  region: Region;
  items: SeedLine[];
  updatedAt: string;
}

export type OrderStatus = 'PLACED' | 'PAID' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED' | 'RETURNED';

export interface SeedOrder {
  id: string;
  customerId: string;
  region: Region;
  status: OrderStatus;
  placedAt: string;
  lines: (SeedLine & { unitPrice: number })[];
}

export interface SeedPromotion {
  id: string;
  code: string;
  name: string;
  percentOff: number;
  /** Category path it applies to; `null` for the whole catalog. */
  category: string | null;
  validFrom: string;
  validTo: string;
}

export interface SeedWarehouse {
  id: string;
  name: string;
  region: Region;
  /** Orders it can ship per day. */
  dailyCapacity: number;
}

export interface SeedStore {
  id: string;
  name: string;
  region: Region;
}

export interface SeedCarrier {
  id: string;
  name: string;
  regions: Region[];
  services: { level: 'standard' | 'express'; transitDays: number; priceCents: number }[];
}

export interface SeedData {
  products: SeedProduct[];
  customers: SeedCustomer[];
  carts: SeedCart[];
  orders: SeedOrder[];
  promotions: SeedPromotion[];
  warehouses: SeedWarehouse[];
  stores: SeedStore[];
  carriers: SeedCarrier[];
  warehouseStock: { variantSku: string; warehouseId: string; onHand: number; allocated: number; safetyStock: number }[];
  storeStock: { variantSku: string; storeId: string; onHand: number; held: number }[];
  dropshipStock: { variantSku: string; region: Region; available: number; leadTimeDays: number }[];
}

import type { ChangeFeed } from '../../lib/subgraph/change-feed.js';

/**
 * The inventory domain's port: stock of variants and products per source and region.
 * Resolvers see `InventoryAdapter`; each inventory system is a `StockSourceAdapter` behind it.
 */

export const REGIONS = ['EU', 'US', 'UK'] as const;
export type Region = (typeof REGIONS)[number];

/** Where stock sits: a warehouse, a store, or a drop-ship partner. */
export type StockSource = 'WAREHOUSE' | 'STORE' | 'DROPSHIP';

/** Stock of one variant at one location of one source, in domain terms. */
export interface StockPosition {
  variantSku: string;
  source: StockSource;
  /** The location as the source names it (plant, store number, partner region). */
  locationId: string;
  /** Sellable now: never negative. */
  available: number;
  /** Put aside for orders or pick-ups. */
  reserved: number;
  /** Kept back from sale by policy. */
  safetyStock: number;
  /** Days until the source can ship; null when it ships from stock. */
  leadTimeDays: number | null;
}

/** What one source knows of one sku in a region; `null` when it does not carry the sku at all. */
export type SourceStock = StockPosition[] | null;

/** Stock put aside at some locations of one source, under the caller's reference. */
export interface HoldRequest {
  variantSku: string;
  reference: string;
  lines: { locationId: string; quantity: number }[];
}

/** A source's hold under one reference, as it is now. */
export interface SourceHold {
  variantSku: string;
  /** False once released. */
  active: boolean;
  lines: { locationId: string; quantity: number }[];
}

/**
 * A source that can put stock aside. Its holds are keyed by the caller's reference: the source
 * keeps at most one hold per reference, ever.
 */
export interface StockHolds {
  /** The hold placed for the reference, or the one placed earlier for it (as it is now); `null` when refused (not enough stock any more). */
  place(request: HoldRequest): Promise<SourceHold | null>;
  /** The hold of a reference as it is now; `null` when the source has none. */
  find(reference: string): Promise<SourceHold | null>;
  /** Releases the hold of a reference: the variant sku whose stock it gave back, `null` when there was nothing to release. */
  release(reference: string): Promise<string | null>;
}

/** One inventory system. Batch methods answer in the order asked. */
export interface StockSourceAdapter {
  readonly source: StockSource;
  stockOfVariants(region: Region, variantSkus: readonly string[]): Promise<SourceStock[]>;
  /** Stock of all variants of each product (by base sku). */
  stockOfProducts(region: Region, productSkus: readonly string[]): Promise<SourceStock[]>;
  /** `null` for sources that take no reservations. */
  readonly holds: StockHolds | null;
  /** How the source reports its stock changes (webhooks); `null` for one that does not. */
  readonly changes: ChangeFeed | null;
}

/** A source that could not be asked, and why. */
export interface SourceFailure {
  source: StockSource;
  error: Error;
}

/** Stock of one sku across every source that answered. */
export interface StockLookup {
  /** True when at least one answering source carries the sku. */
  known: boolean;
  positions: StockPosition[];
  /** Sources that did not answer: the positions are then an under-estimate. */
  failures: SourceFailure[];
}

export interface ReservationRequest {
  variantSku: string;
  region: Region;
  quantity: number;
  reference: string;
}

/** What a reference has put aside: all of it while ACTIVE, none of it once RELEASED. */
export interface Reservation extends ReservationRequest {
  status: 'ACTIVE' | 'RELEASED';
  lines: { source: StockSource; locationId: string; quantity: number }[];
}

export type ReservationOutcome =
  /** `changed`: this call put stock aside; false when it found the reference's reservation made already. */
  | { status: 'reserved'; reservation: Reservation; changed: boolean }
  | { status: 'insufficient'; reservable: number }
  | { status: 'unknown-sku' };

/** What releasing a reference gave back: the variant skus whose stock moved, none when there was nothing to undo. */
export interface ReleaseOutcome {
  releasedSkus: string[];
}

/** The port resolvers use. */
export interface InventoryAdapter {
  stockOfVariants(region: Region, variantSkus: readonly string[]): Promise<StockLookup[]>;
  stockOfProducts(region: Region, productSkus: readonly string[]): Promise<StockLookup[]>;
  /**
   * Reserves from warehouses first, then stores; drop-ship stock cannot be reserved. Once per
   * reference: a reference reserved before returns its reservation as it is now.
   */
  reserve(request: ReservationRequest): Promise<ReservationOutcome>;
  /** Releases whatever the reference holds at any source. */
  release(reference: string): Promise<ReleaseOutcome>;
  /** The sources that report their stock changes. */
  readonly changeFeeds: ChangeFeed[];
}

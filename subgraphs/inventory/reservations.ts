import type {
  HoldRequest,
  ReleaseOutcome,
  Reservation,
  ReservationOutcome,
  ReservationRequest,
  StockHolds,
  StockSource,
  StockSourceAdapter,
} from './adapter.js';

/** Sources that take reservations, in the order stock is taken from them. */
const RESERVATION_ORDER: readonly StockSource[] = ['WAREHOUSE', 'STORE'];

interface Holder {
  source: StockSource;
  adapter: StockSourceAdapter;
  holds: StockHolds;
}

interface PlacedHold {
  holder: Holder;
  holdId: string;
}

/**
 * Reserves warehouse stock first, then store stock, largest locations first (fewest splits).
 * Each source's holds are all-or-nothing; if a later source refuses or fails, the earlier holds
 * are released again, so a reservation is never left half made.
 */
export async function reserveStock(sources: readonly StockSourceAdapter[], request: ReservationRequest): Promise<ReservationOutcome> {
  const holders = holdersOf(sources);
  const stocks = await Promise.all(
    holders.map(async ({ adapter }) => {
      const [stock] = await adapter.stockOfVariants(request.region, [request.variantSku]);
      return stock ?? null;
    }),
  );
  if (stocks.every((stock) => stock === null)) return { status: 'unknown-sku' };

  let remaining = request.quantity;
  const plans = stocks.map((stock) =>
    [...(stock ?? [])]
      .sort((a, b) => b.available - a.available)
      .flatMap((position) => {
        const quantity = Math.min(remaining, position.available);
        remaining -= quantity;
        return quantity > 0 ? [{ locationId: position.locationId, quantity }] : [];
      }),
  );
  const reservable = stocks.flat().reduce((sum, position) => sum + (position?.available ?? 0), 0);
  if (remaining > 0) return { status: 'insufficient', reservable };

  const placed: PlacedHold[] = [];
  try {
    for (const [i, holder] of holders.entries()) {
      const lines = plans[i]!;
      if (lines.length === 0) continue;
      const hold: HoldRequest = { variantSku: request.variantSku, reference: request.reference, lines };
      const holdId = await holder.holds.place(hold);
      // Refused: stock went to someone else since we read it.
      if (holdId === null) {
        await releaseAll(placed);
        return { status: 'insufficient', reservable };
      }
      placed.push({ holder, holdId });
    }
  } catch (error) {
    await releaseAll(placed);
    throw error;
  }
  const lines = holders.flatMap((holder, i) => plans[i]!.map((line) => ({ source: holder.source, ...line })));
  const reservation: Reservation = { ...request, id: encodeReservationId(placed), lines };
  return { status: 'reserved', reservation };
}

export async function releaseReservation(sources: readonly StockSourceAdapter[], reservationId: string): Promise<ReleaseOutcome> {
  const holders = holdersOf(sources);
  const parts = decodeReservationId(reservationId);
  const placed = parts?.map(([source, holdId]) => ({ holder: holders.find((holder) => holder.source === source), holdId }));
  if (!placed || placed.some((part) => part.holder === undefined)) return { status: 'invalid-id' };
  const released = await Promise.all(placed.map((part) => part.holder!.holds.release(part.holdId)));
  const variantSku = released.find((sku) => sku !== null);
  return variantSku ? { status: 'released', variantSku } : { status: 'not-found' };
}

function holdersOf(sources: readonly StockSourceAdapter[]): Holder[] {
  return RESERVATION_ORDER.flatMap((source) => {
    const adapter = sources.find((candidate) => candidate.source === source);
    return adapter?.holds ? [{ source, adapter, holds: adapter.holds }] : [];
  });
}

/** Best effort: a release that fails here leaves a hold the source will show as reserved. */
async function releaseAll(placed: readonly PlacedHold[]): Promise<void> {
  await Promise.allSettled(placed.map(({ holder, holdId }) => holder.holds.release(holdId)));
}

/** The id carries the sources' own hold ids, so releasing needs no state in this subgraph. */
function encodeReservationId(placed: readonly PlacedHold[]): string {
  const parts = placed.map(({ holder, holdId }) => [holder.source, holdId]);
  return `rsv_${Buffer.from(JSON.stringify(parts)).toString('base64url')}`;
}

function decodeReservationId(id: string): [StockSource, string][] | null {
  if (!id.startsWith('rsv_')) return null;
  try {
    const parts: unknown = JSON.parse(Buffer.from(id.slice(4), 'base64url').toString());
    const valid =
      Array.isArray(parts) &&
      parts.length > 0 &&
      parts.every((part) => Array.isArray(part) && part.length === 2 && typeof part[0] === 'string' && typeof part[1] === 'string' && /^[\w-]{1,64}$/.test(part[1]));
    return valid ? (parts as [StockSource, string][]) : null;
  } catch {
    return null;
  }
}

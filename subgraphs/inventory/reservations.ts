import type {
  HoldRequest,
  ReleaseOutcome,
  ReservationOutcome,
  ReservationRequest,
  SourceHold,
  SourceStock,
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

interface HeldAt {
  holder: Holder;
  hold: SourceHold;
}

/**
 * Reserves once per reference. Every source keys its hold by the reference, and the holds under it
 * are looked up first: a released one makes the reservation RELEASED, holds covering the quantity
 * make it ACTIVE, and either way nothing new is put aside. Otherwise what is missing (all of it, or
 * what a failed earlier attempt left out) is taken from the sources with no hold under the
 * reference: warehouses first, then stores, largest locations first (fewest splits).
 * A source that refuses (its stock went elsewhere since it was read) makes the reservation
 * INSUFFICIENT and the reference is released everywhere. A source that fails leaves what was placed:
 * a retry with the same reference completes it, a release by reference gives it back.
 */
export async function reserveStock(sources: readonly StockSourceAdapter[], request: ReservationRequest): Promise<ReservationOutcome> {
  const holders = holdersOf(sources);
  const [existing, stocks] = await Promise.all([
    Promise.all(holders.map(({ holds }) => holds.find(request.reference))),
    Promise.all(holders.map(async ({ adapter }) => (await adapter.stockOfVariants(request.region, [request.variantSku]))[0] ?? null)),
  ]);
  const found = holders.flatMap((holder, i): HeldAt[] => (existing[i] ? [{ holder, hold: existing[i] }] : []));
  const held = unitsOf(found);
  if (found.length > 0 && (found.some(({ hold }) => !hold.active) || held >= request.quantity)) return reserved(request, found, false);
  if (found.length === 0 && stocks.every((stock) => stock === null)) return { status: 'unknown-sku' };

  const open = holders.flatMap((holder, i) => (existing[i] ? [] : [{ holder, stock: stocks[i] ?? [] }]));
  const reservable = held + open.reduce((sum, { stock }) => sum + unitsAvailable(stock), 0);
  const plans = planHolds(open, request.quantity - held);
  if (!plans) return insufficient(holders, request.reference, found.length > 0, reservable);

  const placed = [...found];
  for (const { holder, lines } of plans) {
    const hold: HoldRequest = { variantSku: request.variantSku, reference: request.reference, lines };
    const answer = await holder.holds.place(hold);
    if (!answer) return insufficient(holders, request.reference, true, reservable);
    placed.push({ holder, hold: answer });
  }
  return reserved(request, placed, true);
}

/** Releases the reference at every source that holds stock: each one is keyed by it, so nothing else is touched. */
export async function releaseReservation(sources: readonly StockSourceAdapter[], reference: string): Promise<ReleaseOutcome> {
  const released = await Promise.all(holdersOf(sources).map(({ holds }) => holds.release(reference)));
  return { releasedSkus: [...new Set(released.filter((sku): sku is string => sku !== null))] };
}

function holdersOf(sources: readonly StockSourceAdapter[]): Holder[] {
  return RESERVATION_ORDER.flatMap((source) => {
    const adapter = sources.find((candidate) => candidate.source === source);
    return adapter?.holds ? [{ source, adapter, holds: adapter.holds }] : [];
  });
}

/** The lines to hold at each source for `quantity` units, in reservation order; `null` when they do not have that many. */
function planHolds(open: readonly { holder: Holder; stock: NonNullable<SourceStock> }[], quantity: number) {
  let remaining = quantity;
  const plans = open.map(({ holder, stock }) => ({
    holder,
    lines: [...stock]
      .sort((a, b) => b.available - a.available)
      .flatMap((position) => {
        const units = Math.min(remaining, position.available);
        remaining -= units;
        return units > 0 ? [{ locationId: position.locationId, quantity: units }] : [];
      }),
  }));
  return remaining > 0 ? null : plans.filter(({ lines }) => lines.length > 0);
}

async function insufficient(holders: readonly Holder[], reference: string, releaseFirst: boolean, reservable: number): Promise<ReservationOutcome> {
  // Best effort: a release that fails here is what the caller's compensation by reference is for.
  if (releaseFirst) await Promise.allSettled(holders.map(({ holds }) => holds.release(reference)));
  return { status: 'insufficient', reservable };
}

function reserved(request: ReservationRequest, held: readonly HeldAt[], changed: boolean): ReservationOutcome {
  const lines = held.flatMap(({ holder, hold }) => hold.lines.map((line) => ({ source: holder.source, ...line })));
  const reservation = {
    ...request,
    variantSku: held[0]?.hold.variantSku ?? request.variantSku,
    quantity: unitsOf(held),
    status: held.every(({ hold }) => hold.active) ? ('ACTIVE' as const) : ('RELEASED' as const),
    lines,
  };
  return { status: 'reserved', reservation, changed };
}

function unitsOf(held: readonly HeldAt[]): number {
  return held.reduce((sum, { hold }) => sum + hold.lines.reduce((units, line) => units + line.quantity, 0), 0);
}

function unitsAvailable(stock: NonNullable<SourceStock>): number {
  return stock.reduce((sum, position) => sum + position.available, 0);
}

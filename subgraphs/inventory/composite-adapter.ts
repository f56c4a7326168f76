import type { InventoryAdapter, SourceFailure, SourceStock, StockLookup, StockSourceAdapter } from './adapter.js';
import { releaseReservation, reserveStock } from './reservations.js';

/**
 * The inventory port over several inventory systems: asks them all in parallel and merges what
 * they answer. A system that fails is reported in `failures` instead of failing the lookup.
 */
export function createCompositeInventoryAdapter(sources: readonly StockSourceAdapter[]): InventoryAdapter {
  return {
    stockOfVariants: (region, skus) => fanOut(sources, skus.length, (source) => source.stockOfVariants(region, skus)),
    stockOfProducts: (region, skus) => fanOut(sources, skus.length, (source) => source.stockOfProducts(region, skus)),
    reserve: (request) => reserveStock(sources, request),
    release: (reservationId) => releaseReservation(sources, reservationId),
    changeFeeds: sources.flatMap((source) => (source.changes ? [source.changes] : [])),
  };
}

async function fanOut(
  sources: readonly StockSourceAdapter[],
  count: number,
  ask: (source: StockSourceAdapter) => Promise<SourceStock[]>,
): Promise<StockLookup[]> {
  if (count === 0) return [];
  const answers = await Promise.allSettled(sources.map(ask));
  const failures: SourceFailure[] = [];
  const lookups = Array.from({ length: count }, (): StockLookup => ({ known: false, positions: [], failures }));
  answers.forEach((answer, i) => {
    if (answer.status === 'rejected') {
      failures.push({ source: sources[i]!.source, error: answer.reason instanceof Error ? answer.reason : new Error(String(answer.reason)) });
      return;
    }
    answer.value.forEach((stock, k) => {
      if (stock === null) return;
      lookups[k]!.known = true;
      lookups[k]!.positions.push(...stock);
    });
  });
  return lookups;
}

import type { EffectsLedger } from '../kit/effects.js';
import { freeToAllocate, type StockRow, type WarehouseState } from './mapping.js';

export interface AllocationItem {
  material: string;
  plant: string;
  quantity: number;
}

export interface Allocation {
  allocation_id: string;
  /** The caller's external reference: unique, an allocation is made once per reference. */
  reference: string;
  status: 'OPEN' | 'CANCELLED';
  items: AllocationItem[];
  created_at: string;
}

/** What an allocation request came to: a new allocation, the one made earlier for the reference, or a rejection. */
export type AllocationOutcome =
  | { made: Allocation; rows: StockRow[] }
  | { existing: Allocation }
  | { rejected: StockRow[] }
  | { unknownRow: AllocationItem };

/** The ERP's allocations, kept in memory, by number and by external reference. */
export interface Allocations {
  byId(id: string): Allocation | undefined;
  byReference(reference: string): Allocation | undefined;
  /** All items or none; a reference already used returns its allocation, whatever its status. */
  allocate(reference: string, items: AllocationItem[]): AllocationOutcome;
  /** The stock rows given back; none when the allocation was cancelled already. */
  cancel(allocation: Allocation): StockRow[];
}

export function createAllocations(state: WarehouseState, effects: EffectsLedger): Allocations {
  const byId = new Map<string, Allocation>();
  const byReference = new Map<string, Allocation>();
  let nextNumber = 4500000001;
  const rowOf = (item: AllocationItem) => state.rowsByMaterial.get(item.material)?.find((candidate) => candidate.plant === item.plant);

  return {
    byId: (id) => byId.get(id),
    byReference: (reference) => byReference.get(reference),
    allocate(reference, items) {
      const existing = byReference.get(reference);
      if (existing) return { existing };
      // Quantities per stock row, so two items on the same material and plant are checked together.
      const needed = new Map<StockRow, number>();
      for (const item of items) {
        const row = rowOf(item);
        if (!row) return { unknownRow: item };
        needed.set(row, (needed.get(row) ?? 0) + item.quantity);
      }
      const short = [...needed].filter(([row, quantity]) => freeToAllocate(row) < quantity);
      if (short.length > 0) return { rejected: short.map(([row]) => row) };
      for (const [row, quantity] of needed) row.allocated += quantity;
      const allocation: Allocation = { allocation_id: String(nextNumber++), reference, status: 'OPEN', items, created_at: new Date().toISOString() };
      byId.set(allocation.allocation_id, allocation);
      byReference.set(reference, allocation);
      effects.record({ kind: 'hold', reference, allocation_id: allocation.allocation_id, items });
      return { made: allocation, rows: [...needed.keys()] };
    },
    cancel(allocation) {
      if (allocation.status !== 'OPEN') return [];
      const rows = allocation.items.map((item) => {
        const row = rowOf(item)!;
        row.allocated -= item.quantity;
        return row;
      });
      allocation.status = 'CANCELLED';
      effects.record({ kind: 'release', reference: allocation.reference, allocation_id: allocation.allocation_id });
      return rows;
    },
  };
}

import type { EffectsLedger } from '../kit/effects.js';
import { availableToHold, type PosCatalog, type StockLevel } from './catalog.js';

export interface HoldLine {
  vendor_sku: string;
  store_id: number;
  qty: number;
}

export interface Hold {
  hold_id: string;
  /** The caller's reference: a hold is placed once per reference. */
  reference: string;
  status: 'active' | 'released';
  lines: HoldLine[];
  created_at: string;
}

/** A line that cannot be served: what was asked and what the store has. */
export interface ShortLine {
  vendor_sku: string;
  store_id: number;
  requested: number;
  available: number;
}

/** What a hold request came to: a new hold, the one placed earlier for the reference, or a refusal. */
export type HoldOutcome =
  | { placed: Hold; levels: StockLevel[] }
  | { existing: Hold }
  | { short: ShortLine[] }
  | { unknownLevel: HoldLine };

/** The POS's click & collect holds, kept in memory, by id and by reference. */
export interface Holds {
  byId(id: string): Hold | undefined;
  byReference(reference: string): Hold | undefined;
  /** All lines or none; a reference already used returns its hold, whatever its status. */
  place(reference: string, lines: HoldLine[]): HoldOutcome;
  /** The levels given back; none when the hold was released already. */
  release(hold: Hold): StockLevel[];
}

export function createHolds(catalog: PosCatalog, effects: EffectsLedger): Holds {
  const byId = new Map<string, Hold>();
  const byReference = new Map<string, Hold>();
  let nextNumber = 1;
  const levelOf = (line: HoldLine) => catalog.itemsBySku.get(line.vendor_sku)?.levels.get(line.store_id);

  return {
    byId: (id) => byId.get(id),
    byReference: (reference) => byReference.get(reference),
    place(reference, lines) {
      const existing = byReference.get(reference);
      if (existing) return { existing };
      const needed = new Map<StockLevel, number>();
      for (const line of lines) {
        const level = levelOf(line);
        if (!level) return { unknownLevel: line };
        needed.set(level, (needed.get(level) ?? 0) + line.qty);
      }
      const short = [...needed].filter(([level, qty]) => availableToHold(level) < qty);
      if (short.length > 0) {
        return { short: short.map(([level, qty]) => ({ vendor_sku: level.vendor_sku, store_id: level.store_id, requested: qty, available: availableToHold(level) })) };
      }
      for (const [level, qty] of needed) level.qty_held += qty;
      const hold: Hold = { hold_id: `HLD-${String(nextNumber++).padStart(6, '0')}`, reference, status: 'active', lines, created_at: new Date().toISOString() };
      byId.set(hold.hold_id, hold);
      byReference.set(reference, hold);
      effects.record({ kind: 'hold', reference, hold_id: hold.hold_id, lines });
      return { placed: hold, levels: [...needed.keys()] };
    },
    release(hold) {
      if (hold.status !== 'active') return [];
      const levels = hold.lines.map((line) => {
        const level = levelOf(line)!;
        level.qty_held -= line.qty;
        return level;
      });
      hold.status = 'released';
      effects.record({ kind: 'release', reference: hold.reference, hold_id: hold.hold_id });
      return levels;
    },
  };
}

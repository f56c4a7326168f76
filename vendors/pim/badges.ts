import type { EffectsLedger } from '../kit/effects.js';
import type { PimCatalog } from './catalog.js';
import type { PimRecord } from './types.js';

/** The reference entity whose records put a badge on a product model. */
export const BADGE_ENTITY = 'product_badges';

/** A badge assignment as a record carries it: which product model, and the badge's text. */
export interface BadgeAssignment {
  product: string;
  badge: string;
}

/**
 * Badge assignments, one record per code. A product model's `badge` value is the badge of its latest
 * assignment still in place, or none: deleting an assignment puts back whatever the others leave.
 * Codes of deleted records are remembered, so an assignment is never made twice under one code.
 */
export interface BadgeAssignments {
  /** The record under `code`; undefined if there is none, or it was deleted. */
  get(code: string): PimRecord | undefined;
  /** Whether a record was ever made under `code`, deleted or not. */
  known(code: string): boolean;
  assign(code: string, assignment: BadgeAssignment): PimRecord;
  /** Takes the assignment under `code` off its product; nothing if there is none. */
  remove(code: string): void;
}

export function createBadgeAssignments(catalog: PimCatalog, effects: EffectsLedger): BadgeAssignments {
  const assignments = new Map<string, { record: PimRecord; assignment: BadgeAssignment }>();
  const deleted = new Set<string>();

  /** Writes the product model's `badge` value from the assignments in place, latest first. */
  function refreshBadge(product: string): void {
    const model = catalog.modelsByCode.get(product)!;
    const latest = [...assignments.values()].findLast(({ assignment }) => assignment.product === product);
    if (latest) model.values.badge = [{ locale: null, scope: null, data: latest.assignment.badge }];
    else delete model.values.badge;
  }

  return {
    get: (code) => assignments.get(code)?.record,
    known: (code) => assignments.has(code) || deleted.has(code),
    assign(code, assignment) {
      const now = new Date().toISOString();
      const value = (data: string) => [{ locale: null, channel: null, data }];
      const record = { code, values: { product: value(assignment.product), badge: value(assignment.badge) }, created: now, updated: now };
      assignments.set(code, { record, assignment });
      refreshBadge(assignment.product);
      effects.record({ kind: 'badge', reference: code, ...assignment });
      return record;
    },
    remove(code) {
      const removed = assignments.get(code);
      if (!removed) return;
      assignments.delete(code);
      deleted.add(code);
      refreshBadge(removed.assignment.product);
      effects.record({ kind: 'badge-removal', reference: code, product: removed.assignment.product });
    },
  };
}

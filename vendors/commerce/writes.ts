import type { Response } from 'express';
import { invalidInput, PlatformError } from './errors.js';

/**
 * How the platform writes. Creates are keyed by the caller (an order's `orderNumber`, a discount's
 * `key`): the same key again answers what the first create made, whatever its state now, and
 * changes nothing. Changes are update actions on a resource addressed by that key.
 */

/** A resource the platform versions: every change raises `version` by one. */
interface Versioned {
  id: string;
  version: number;
}

/** One update action as posted, e.g. `{ action: "changeOrderState", orderState: "Cancelled" }`. */
export type UpdateAction = Partial<Record<string, unknown>> & { action?: unknown };

/**
 * Reads the body of `POST /<resources>/key=:key`: `{ version?, actions: [...] }`. A `version` other
 * than the resource's is a concurrent modification (409); without one, the change applies to whatever
 * version is current.
 */
export function readUpdate(resource: Versioned, body: unknown): UpdateAction[] {
  const { version, actions } = (body ?? {}) as { version?: unknown; actions?: unknown };
  if (version !== undefined && version !== resource.version) {
    throw new PlatformError(
      409,
      'ConcurrentModification',
      `Object ${resource.id} has a different version than expected. Expected: ${String(version)} - Actual: ${resource.version}.`,
    );
  }
  if (!Array.isArray(actions) || actions.length === 0) throw invalidInput("'actions' must be a non-empty array.");
  return actions as UpdateAction[];
}

/**
 * An action that would change nothing (cancelling a cancelled order, reverting a reverted change):
 * refused, so whoever repeats an undo learns that it had been done already.
 */
export function changesNothing(message: string): PlatformError {
  return new PlatformError(400, 'InvalidOperation', message);
}

export function unknownAction(action: UpdateAction): PlatformError {
  return invalidInput(`Unknown update action '${String(action.action)}'.`);
}

/** The resource a keyed create made before (200), or a new one (201). */
export function createOnce<T>(res: Response, existing: T | undefined, create: () => T): void {
  if (existing !== undefined) res.json(existing);
  else res.status(201).json(create());
}

/** The caller's key of a draft (`key`, `orderNumber`), to look an earlier create up by. */
export function draftKey(body: unknown, field: string): string {
  return String((body as Record<string, unknown> | undefined)?.[field] ?? '');
}

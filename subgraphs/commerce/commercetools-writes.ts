import type { VendorAnswer } from '../../lib/subgraph/vendor-client.js';
import type { Written } from './adapter.js';
import type { CtErrorBody } from './commercetools-types.js';

/** The code of a refusal's first error, e.g. `InvalidInput`, `DuplicateField`. */
export function errorCodeOf(refusal: unknown): string | undefined {
  return (refusal as Partial<CtErrorBody> | null)?.errors?.[0]?.code;
}

/** Whether the platform refused a draft or change as invalid input (an unknown SKU, for one). */
export function isInvalidInput(answer: VendorAnswer<unknown>): boolean {
  return !answer.ok && answer.status === 400 && errorCodeOf(answer.body) === 'InvalidInput';
}

/**
 * What an undo by key changed, or `null` when there was nothing to undo: no resource under the key
 * (404), or the change was made before (the platform refuses an action that changes nothing as
 * `InvalidOperation`). Any other refusal throws.
 */
export function undone<T>(answer: VendorAnswer<T>): T | null {
  if (answer.ok) return answer.body;
  if (answer.status === 404 || (answer.status === 400 && errorCodeOf(answer.body) === 'InvalidOperation')) return null;
  throw answer.error;
}

/** A keyed create's result: the platform answers 201 when it made the resource, 200 with the one it had. */
export function written<T, R>(answer: { status: number; body: T }, toResult: (body: T) => R): Written<R> {
  return { result: toResult(answer.body), created: answer.status === 201 };
}

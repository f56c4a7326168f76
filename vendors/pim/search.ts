import { badRequest } from './errors.js';
import type { PimCondition } from './types.js';

/** One parsed condition of `?search=`: a field, an operator, and the codes it lists. */
export interface SearchFilter {
  field: string;
  operator: string;
  values: string[];
}

/**
 * Reads Akeneo's `search` parameter, e.g. `{"identifier":[{"operator":"IN","value":["A","B"]}]}`.
 * This PIM answers one condition per request, on the fields and operators the resource allows.
 */
export function readSearch(raw: unknown, allowed: Record<string, readonly string[]>): SearchFilter | null {
  if (raw === undefined || raw === '') return null;
  if (typeof raw !== 'string') throw badRequest('search must be one JSON object');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw badRequest('search is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badRequest('search must be a JSON object');
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length !== 1) throw badRequest('search supports exactly one filtered field');
  const [field, conditions] = entries[0]!;
  const operators = allowed[field];
  if (!operators) throw badRequest(`filter on "${field}" is not supported; use one of ${Object.keys(allowed).join(', ')}`);
  if (!Array.isArray(conditions) || conditions.length !== 1) throw badRequest(`"${field}" needs exactly one condition`);
  const { operator, value } = conditions[0] as PimCondition;
  if (!operators.includes(operator)) throw badRequest(`operator "${operator}" is not supported on "${field}"`);
  if (!Array.isArray(value) || value.length === 0 || !value.every((code) => typeof code === 'string')) {
    throw badRequest(`"${field}" ${operator} needs a non-empty array of codes`);
  }
  return { field, operator, values: value as string[] };
}

import { invalidInput } from './errors.js';
import type { PagedQueryResponse } from './types.js';

/**
 * The platform's query parameters: `where` predicates (`key in ("A", "B")`, `customerId = "C1"`,
 * `validFrom <= "2026-11-15T00:00:00.000Z"`, joined by `and`), `sort=<field> asc|desc`, `limit`/`offset`.
 */
export interface QueryParams {
  where?: string;
  sort?: string;
  limit?: string;
  offset?: string;
}

type Operator = 'in' | '=' | '<=' | '>=';
interface Clause {
  field: string;
  operator: Operator;
  values: string[];
}

/** A queryable resource: which fields predicates may name, and which of them are indexed. */
export interface Collection<T> {
  all(): Iterable<T>;
  fields: Record<string, (row: T) => string | readonly string[]>;
  /** Lookup by an exact field value, so `in`/`=` on these fields costs O(values asked), not a scan. */
  indexes: Record<string, (value: string) => readonly T[]>;
}

const MAX_LIMIT = 500;
const CLAUSE = /^(\w+)\s*(?:(in)\s*\((.*)\)|(=|<=|>=)\s*("[^"]*"))$/;

export function queryCollection<T>(collection: Collection<T>, params: QueryParams): PagedQueryResponse<T> {
  const clauses = parseWhere(params.where, collection);
  const limit = readInteger('limit', params.limit, 20, 0, MAX_LIMIT);
  const offset = readInteger('offset', params.offset, 0, 0, 10_000);

  const lookup = clauses.find((clause) => clause.field in collection.indexes && (clause.operator === 'in' || clause.operator === '='));
  const missing = lookup?.values.filter((value) => collection.indexes[lookup.field]!(value).length === 0);
  const candidates = lookup ? new Set(lookup.values.flatMap((value) => collection.indexes[lookup.field]!(value))) : collection.all();
  const matching = [...candidates].filter((row) => clauses.every((clause) => matches(collection, row, clause)));
  sortRows(matching, params.sort, collection);

  const results = matching.slice(offset, offset + limit);
  return { limit, offset, count: results.length, total: matching.length, results, ...(lookup?.operator === 'in' ? { missing } : {}) };
}

function parseWhere<T>(where: string | undefined, collection: Collection<T>): Clause[] {
  if (where === undefined || where.trim() === '') return [];
  return where.split(/\s+and\s+/i).map((text) => {
    const match = CLAUSE.exec(text.trim());
    if (!match) throw invalidInput(`Malformed where predicate: ${text}`);
    const [, field, inKeyword, list, operator, single] = match;
    if (!(field! in collection.fields)) throw invalidInput(`The field '${field}' cannot be queried.`);
    const values = inKeyword ? parseList(list!) : [single!.slice(1, -1)];
    return { field: field!, operator: (inKeyword ?? operator) as Operator, values };
  });
}

/** `"A", "B"` → `['A', 'B']`: the values of an `in (...)` list. */
export function parseList(list: string): string[] {
  const items = list.split(',').map((item) => item.trim());
  if (items.some((item) => !/^"[^"]*"$/.test(item))) throw invalidInput(`Malformed value list: (${list})`);
  return items.map((item) => item.slice(1, -1));
}

function matches<T>(collection: Collection<T>, row: T, clause: Clause): boolean {
  const raw = collection.fields[clause.field]!(row);
  const actual = typeof raw === 'string' ? [raw] : raw;
  const [bound] = clause.values;
  switch (clause.operator) {
    case 'in':
    case '=':
      return actual.some((value) => clause.values.includes(value));
    case '<=':
      return actual.some((value) => value <= bound!);
    case '>=':
      return actual.some((value) => value >= bound!);
  }
}

function sortRows<T>(rows: T[], sort: string | undefined, collection: Collection<T>): void {
  if (sort === undefined) return;
  const match = /^(\w+)\s+(asc|desc)$/.exec(sort.trim());
  const field = match?.[1];
  if (!match || field === undefined || !(field in collection.fields)) throw invalidInput(`Malformed sort: ${sort}`);
  const direction = match[2] === 'desc' ? -1 : 1;
  const keyOf = (row: T) => String(collection.fields[field]!(row));
  rows.sort((a, b) => direction * keyOf(a).localeCompare(keyOf(b)));
}

function readInteger(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidInput(`'${name}' must be an integer from ${min} to ${max}, got '${raw}'.`);
  }
  return value;
}

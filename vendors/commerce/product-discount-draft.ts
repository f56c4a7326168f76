import { invalidInput } from './errors.js';
import { parseList } from './query.js';

/**
 * What `POST /product-discounts` takes, as commercetools' ProductDiscountDraft:
 * `{ key, name: { en }, value: { type: "relative", permyriad }, predicate, sortOrder, isActive?, validFrom?, validUntil? }`.
 * This platform reads one kind of predicate, `sku in ("A", "B")` (or `sku = "A"`).
 */
export interface ProductDiscountDraft {
  key: string;
  name: string;
  permyriad: number;
  predicate: string;
  skus: string[];
  sortOrder: string;
  isActive: boolean;
  validFrom?: string;
  validUntil?: string;
}

const SKU_PREDICATE = /^sku\s*(?:in\s*\((?<list>.*)\)|=\s*(?<single>"[^"]*"))$/;

export function readProductDiscountDraft(input: unknown): ProductDiscountDraft {
  const draft = (input ?? {}) as Partial<Record<string, unknown>>;
  const { key, name, value, predicate, sortOrder, isActive = true, validFrom, validUntil } = draft;
  if (typeof key !== 'string' || key === '') throw invalidInput("ProductDiscountDraft needs a 'key'.");
  const relative = (value ?? {}) as { type?: unknown; permyriad?: unknown };
  const { permyriad } = relative;
  if (relative.type !== 'relative' || typeof permyriad !== 'number' || !Number.isInteger(permyriad) || permyriad < 1 || permyriad > 10_000) {
    throw invalidInput("ProductDiscountDraft: 'value' must be { type: \"relative\", permyriad } with a permyriad from 1 to 10000.");
  }
  if (typeof sortOrder !== 'string' || !/^0\.\d*[1-9]$/.test(sortOrder)) throw invalidInput("ProductDiscountDraft: 'sortOrder' must be a decimal between 0 and 1, e.g. \"0.5\".");
  if (typeof isActive !== 'boolean') throw invalidInput("ProductDiscountDraft: 'isActive' must be a boolean.");
  return {
    key,
    name: typeof (name as { en?: unknown } | undefined)?.en === 'string' ? (name as { en: string }).en : key,
    permyriad,
    predicate: String(predicate),
    skus: skusOf(predicate),
    sortOrder,
    isActive,
    ...optionalInstant('validFrom', validFrom),
    ...optionalInstant('validUntil', validUntil),
  };
}

function skusOf(predicate: unknown): string[] {
  const match = typeof predicate === 'string' ? SKU_PREDICATE.exec(predicate.trim()) : null;
  if (!match?.groups) throw invalidInput(`ProductDiscountDraft: unsupported predicate '${String(predicate)}'; use sku in ("A", "B").`);
  const { list, single } = match.groups;
  return list === undefined ? [single!.slice(1, -1)] : parseList(list);
}

function optionalInstant(name: 'validFrom' | 'validUntil', value: unknown): Partial<Record<typeof name, string>> {
  if (value === undefined) return {};
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) throw invalidInput(`ProductDiscountDraft: '${name}' must be an ISO 8601 date-time.`);
  return { [name]: new Date(value).toISOString() };
}

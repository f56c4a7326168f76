import type { Express } from 'express';
import { itemsWithPrefix, presentItem, type PosCatalog, type PosItem } from './catalog.js';
import { sendPosError } from './errors.js';

const MAX_SEARCH_TERMS = 200;
const MAX_LIMIT = 250;

/** Read endpoints: stores, one item, a batch search and the cursor-paged stock listing. */
export function addInventoryRoutes(app: Express, catalog: PosCatalog): void {
  app.get('/api/v2/stores', (_req, res) => {
    res.json({ data: [...catalog.stores.values()] });
  });

  app.get('/api/v2/items/:itemId', (req, res) => {
    const item = catalog.items.get(Number(req.params.itemId));
    if (!item) return sendPosError(res, 404, 'item_not_found', `No item ${req.params.itemId}`);
    res.json({ data: presentItem(catalog, item) });
  });

  /**
   * Body: `{ vendor_skus?: string[], vendor_sku_prefixes?: string[], region?: string }`.
   * Answers the matching items with their store levels; terms matching nothing are in `not_found`.
   */
  app.post('/api/v2/inventory/search', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const skus = body.vendor_skus ?? [];
    const prefixes = body.vendor_sku_prefixes ?? [];
    if (!isStringArray(skus) || !isStringArray(prefixes) || (body.region !== undefined && typeof body.region !== 'string')) {
      return sendPosError(res, 400, 'invalid_request', 'vendor_skus and vendor_sku_prefixes must be string arrays, region a string');
    }
    const terms = skus.length + prefixes.length;
    if (terms === 0 || terms > MAX_SEARCH_TERMS) {
      return sendPosError(res, 400, 'invalid_request', `Search for 1 to ${MAX_SEARCH_TERMS} skus or prefixes`);
    }
    const found = new Map<number, PosItem>();
    const notFound: string[] = [];
    const collect = (term: string, items: PosItem[]) => {
      if (items.length === 0) notFound.push(term);
      for (const item of items) found.set(item.item_id, item);
    };
    for (const sku of skus) collect(sku, catalog.itemsBySku.has(sku) ? [catalog.itemsBySku.get(sku)!] : []);
    for (const prefix of prefixes) collect(prefix, prefix === '' ? [] : itemsWithPrefix(catalog, prefix));
    const region = body.region as string | undefined;
    res.json({ data: [...found.values()].map((item) => presentItem(catalog, item, region)), not_found: notFound });
  });

  /** Cursor-paged: pass `meta.next_cursor` back as `cursor` until it is null. */
  app.get('/api/v2/inventory_levels', (req, res) => {
    const limit = Number(req.query.limit ?? 100);
    const start = req.query.cursor === undefined ? 0 : decodeCursor(String(req.query.cursor));
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT || start === null) {
      return sendPosError(res, 400, 'invalid_request', `limit must be 1..${MAX_LIMIT} and cursor one this API issued`);
    }
    const end = start + limit;
    const nextCursor = end < catalog.levels.length ? Buffer.from(`lvl:${end}`).toString('base64url') : null;
    res.json({ data: catalog.levels.slice(start, end), meta: { next_cursor: nextCursor } });
  });
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function decodeCursor(cursor: string): number | null {
  const match = /^lvl:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : null;
}

import type { Express } from 'express';
import { sendSapError } from './errors.js';
import type { StockRow, WarehouseState } from './mapping.js';

const MAX_QUERY_KEYS = 500;
const MAX_PAGE = 1000;

/** Read endpoints: plants, one material, a batch query and the full listing (`$skip` / `$top`). */
export function addStockRoutes(app: Express, state: WarehouseState): void {
  app.get('/erp/v1/plants', (_req, res) => {
    res.json({ results: [...state.plants.values()] });
  });

  app.get('/erp/v1/materials/:material/stock', (req, res) => {
    const rows = state.rowsByMaterial.get(req.params.material);
    if (!rows) return sendSapError(res, 404, 'MATERIAL_NOT_FOUND', `Material ${req.params.material} does not exist`);
    res.json({ material: req.params.material, results: rows });
  });

  /** Body: `{ materials?: string[], generic_articles?: string[], region?: string }`; unknown keys come back in `missing`. */
  app.post('/erp/v1/stock/query', (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const materials = stringList(body.materials);
    const articles = stringList(body.generic_articles);
    const region = body.region;
    if (materials === null || articles === null) {
      return sendSapError(res, 400, 'INVALID_INPUT', 'materials and generic_articles must be arrays of strings');
    }
    const keyCount = (materials?.length ?? 0) + (articles?.length ?? 0);
    if (keyCount === 0 || keyCount > MAX_QUERY_KEYS) {
      return sendSapError(res, 400, 'INVALID_INPUT', `Ask for 1 to ${MAX_QUERY_KEYS} materials or generic articles`);
    }
    if (region !== undefined && ![...state.plants.values()].some((plant) => plant.region === region)) {
      return sendSapError(res, 400, 'INVALID_INPUT', `No plant serves region ${String(region)}`);
    }
    const results: StockRow[] = [];
    const missing: string[] = [];
    const wanted = [...(materials ?? []), ...(articles ?? []).flatMap((article) => {
      const found = state.materialsByArticle.get(article);
      if (!found) missing.push(article);
      return found ?? [];
    })];
    for (const material of new Set(wanted)) {
      const rows = state.rowsByMaterial.get(material);
      if (!rows) missing.push(material);
      else results.push(...rows.filter((row) => region === undefined || row.region === region));
    }
    res.json({ results, missing });
  });

  app.get('/erp/v1/stock', (req, res) => {
    const skip = Number(req.query.$skip ?? 0);
    const top = Number(req.query.$top ?? 100);
    if (!Number.isInteger(skip) || skip < 0 || !Number.isInteger(top) || top < 1 || top > MAX_PAGE) {
      return sendSapError(res, 400, 'INVALID_PAGING', `$skip must be >= 0 and $top between 1 and ${MAX_PAGE}`);
    }
    res.json({ results: state.rows.slice(skip, skip + top), total_count: state.rows.length, skip, top });
  });
}

/** An array of non-empty strings, or undefined when absent; `null` when present but malformed. */
function stringList(value: unknown): string[] | undefined | null {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item !== '')) return null;
  return value as string[];
}

import type { Express, Request, Response } from 'express';
import { BADGE_ENTITY, type BadgeAssignment, type BadgeAssignments } from './badges.js';
import type { PimCatalog } from './catalog.js';
import { API } from './routes.js';

const RECORDS = `${API}/reference-entities/:entity/records`;
/** The most records one collection PATCH takes, as Akeneo limits it. */
const MAX_RECORDS = 100;

/** What a collection PATCH answers per record: 201 made, 204 the code was used before (nothing changed), 422 refused. */
type RecordStatus = { code: string; status_code: 201 | 204 } | { code: string; status_code: 422; message: string };

/**
 * Records of the `product_badges` reference entity, one badge on one product model each:
 *
 * - `PATCH …/records` with a JSON array of `{ code, values: { product: [{ locale: null, channel: null, data: <model code> }], badge: [{ …, data: "SALE" }] } }`:
 *   200 with one `{ code, status_code }` per record, as Akeneo answers it: 201 when the record is made
 *   (its badge goes on the product), 204 when its code was used before, deleted or not (nothing changes),
 *   422 with a `message` when its values are incomplete or name no product model
 * - `GET …/records/:code`: the record; `DELETE …/records/:code`: its badge comes off the product, answered
 *   with the record as it was (where Akeneo answers 204 without a body); both 404 if there is none
 */
export function addBadgeRecordRoutes(app: Express, catalog: PimCatalog, badges: BadgeAssignments): void {
  app.patch(RECORDS, (req, res) => {
    if (!isBadgeEntity(req, res)) return;
    const records: unknown = req.body;
    if (!Array.isArray(records) || records.length === 0 || records.length > MAX_RECORDS) {
      return res.status(400).json({ code: 400, message: `The body must be a JSON array of 1 to ${MAX_RECORDS} records.` });
    }
    res.json(records.map((record) => upsert(record, catalog, badges)));
  });

  app.get(`${RECORDS}/:code`, (req, res) => {
    if (!isBadgeEntity(req, res)) return;
    const record = badges.get(req.params.code!);
    if (record) res.json(record);
    else recordNotFound(res, req.params.code!);
  });

  app.delete(`${RECORDS}/:code`, (req, res) => {
    if (!isBadgeEntity(req, res)) return;
    const record = badges.get(req.params.code!);
    if (!record) return recordNotFound(res, req.params.code!);
    badges.remove(record.code);
    res.json(record);
  });
}

function upsert(input: unknown, catalog: PimCatalog, badges: BadgeAssignments): RecordStatus {
  const { code, values } = (input ?? {}) as { code?: unknown; values?: Record<string, { data?: unknown }[] | undefined> };
  if (typeof code !== 'string' || code === '') return { code: String(code), status_code: 422, message: 'A record needs a "code".' };
  if (badges.known(code)) return { code, status_code: 204 };
  const assignment = readAssignment(values, catalog);
  if (typeof assignment === 'string') return { code, status_code: 422, message: assignment };
  badges.assign(code, assignment);
  return { code, status_code: 201 };
}

/** The assignment a record's values make, or why they make none. */
function readAssignment(values: Record<string, { data?: unknown }[] | undefined> | undefined, catalog: PimCatalog): BadgeAssignment | string {
  const [product, badge] = (['product', 'badge'] as const).map((attribute) => values?.[attribute]?.[0]?.data);
  if (typeof product !== 'string' || typeof badge !== 'string' || badge.trim() === '') return 'A badge record needs the values "product" and "badge".';
  if (!catalog.modelsByCode.has(product)) return `The product model "${product}" does not exist.`;
  return { product, badge };
}

function isBadgeEntity(req: Request, res: Response): boolean {
  if (req.params.entity === BADGE_ENTITY) return true;
  res.status(404).json({ code: 404, message: `Reference entity "${req.params.entity}" does not exist.` });
  return false;
}

function recordNotFound(res: Response, code: string): void {
  res.status(404).json({ code: 404, message: `Record "${code}" does not exist for the reference entity "${BADGE_ENTITY}".` });
}

import type { Express, Response } from 'express';
import { fail } from './api-errors.js';
import { API_BASE, type ContactRecord } from './records.js';
import { decodeLocator, encodeLocator, parseContactQuery, type QueryLocator } from './soql.js';
import type { ContactStore } from './store.js';

/** Records per query batch; the rest of a result is behind `nextRecordsUrl`. */
export const QUERY_BATCH_SIZE = 50;

interface QueryResult {
  /** Records in the whole result, over every batch. */
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: ContactRecord[];
}

/** `GET /query?q=<SOQL>` and `GET /query/<locator>`, Salesforce's query and query-more. */
export function addQueryRoutes(app: Express, store: ContactStore): void {
  app.get(`${API_BASE}/query`, (req, res) => {
    const soql = req.query.q;
    if (typeof soql !== 'string') return badQuery(res, 'MALFORMED_QUERY', 'the "q" parameter is required');
    const query = parseContactQuery(soql);
    if (typeof query === 'string') return badQuery(res, 'MALFORMED_QUERY', query);
    const matching = store.matching(query.segment);
    if (query.count) {
      res.json({ totalSize: matching.length, done: true, records: [] } satisfies QueryResult);
      return;
    }
    const position = Math.min(query.offset, matching.length);
    const end = query.limit === null ? matching.length : Math.min(matching.length, position + query.limit);
    res.json(batch(matching, { segment: query.segment, start: position, position, end }));
  });

  app.get(`${API_BASE}/query/:locator`, (req, res) => {
    const locator = decodeLocator(req.params.locator);
    if (!locator) return badQuery(res, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
    const matching = store.matching(locator.segment);
    res.json(batch(matching, locator));
  });
}

/** One batch of a result; like the first, every query-more batch reports the size of the whole result. */
function batch(matching: readonly ContactRecord[], locator: QueryLocator): QueryResult {
  const totalSize = locator.end - locator.start;
  const stop = Math.min(locator.end, locator.position + QUERY_BATCH_SIZE);
  const records = matching.slice(locator.position, stop);
  if (stop >= locator.end) return { totalSize, done: true, records };
  const nextRecordsUrl = `${API_BASE}/query/${encodeLocator({ ...locator, position: stop })}`;
  return { totalSize, done: false, nextRecordsUrl, records };
}

function badQuery(res: Response, errorCode: string, message: string): void {
  fail(res, 400, { errorCode, message });
}

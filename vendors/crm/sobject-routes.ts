import type { Express } from 'express';
import { fail, notFound } from './api-errors.js';
import { API_BASE } from './records.js';
import { missingFields, readFields } from './sobject-fields.js';
import type { SObjectStore } from './sobjects.js';
import type { ContactStore } from './store.js';

/**
 * The sObject API of one custom object kept by `ExternalId__c`:
 *
 * - `PATCH /sobjects/<Object>/ExternalId__c/:externalId`: upsert. An unknown external id inserts the record
 *   (fields left out get their defaults), 201 `{ id, success, errors, created: true }`; a known one updates
 *   the fields given, 200 `{ …, created: false }`: the same upsert again changes nothing
 * - `GET /sobjects/<Object>/ExternalId__c/:externalId`: the record
 */
export function addSObjectRoutes(app: Express, store: SObjectStore, contacts: ContactStore): void {
  const base = `${API_BASE}/sobjects/${store.type.name}`;

  app.patch(`${base}/ExternalId__c/:externalId`, (req, res) => {
    const read = readFields(store.type, req.body, contacts);
    if ('refused' in read) return fail(res, 400, read.refused);
    const existing = store.byExternalId(req.params.externalId);
    if (existing) {
      store.update(existing, read.values);
      return res.json({ id: existing.Id, success: true, errors: [], created: false });
    }
    const missing = missingFields(store.type, read.values);
    if (missing.length > 0) return fail(res, 400, { errorCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${missing.join(', ')}]`, fields: missing });
    const record = store.insert(req.params.externalId, read.values);
    res.status(201).json({ id: record.Id, success: true, errors: [], created: true });
  });

  app.get(`${base}/ExternalId__c/:externalId`, (req, res) => {
    const record = store.byExternalId(req.params.externalId);
    if (record) res.json(record);
    else notFound(res, `${store.type.name} ExternalId__c ${req.params.externalId}`);
  });
}

import type { Express, Request, RequestHandler, Response } from 'express';
import { fail, notFound } from './api-errors.js';
import { API_BASE, CONSENT_FIELDS, type ConsentField, type ContactRecord } from './records.js';
import type { ContactStore } from './store.js';

/** Ids one collection request may name, as Salesforce's sObject Collections allow. */
export const MAX_COLLECTION_IDS = 200;

const BY_CUSTOMER_NUMBER = `${API_BASE}/sobjects/Contact/CustomerNumber__c/:customerNumber`;

/** Single reads (by record Id or by the `CustomerNumber__c` external id), the collection read, the consent PATCH. */
export function addContactRoutes(app: Express, store: ContactStore): void {
  app.get(`${API_BASE}/sobjects/Contact/:id`, (req, res) => {
    answerContact(res, store.byId(req.params.id), req.params.id);
  });
  app.get(BY_CUSTOMER_NUMBER, (req, res) => {
    answerContact(res, store.byCustomerNumber(req.params.customerNumber), req.params.customerNumber);
  });

  app.post(`${API_BASE}/composite/sobjects/Contact/CustomerNumber__c`, (req, res) => {
    const ids = (req.body as { ids?: unknown } | undefined)?.ids;
    const valid = Array.isArray(ids) && ids.length >= 1 && ids.length <= MAX_COLLECTION_IDS;
    if (!valid || !ids.every((id): id is string => typeof id === 'string')) {
      return fail(res, 400, { errorCode: 'INVALID_FIELD', message: `"ids" must list 1 to ${MAX_COLLECTION_IDS} CustomerNumber__c values` });
    }
    const records: ContactRecord[] = [];
    const notFound: string[] = [];
    for (const id of ids) {
      const contact = store.byCustomerNumber(id);
      if (contact) records.push(contact);
      else notFound.push(id);
    }
    res.json({ totalSize: records.length, done: true, records, notFound });
  });

  const updateConsent: RequestHandler = (req, res) => {
    const contact = store.byCustomerNumber(String(req.params.customerNumber));
    if (!contact) return answerContact(res, undefined, String(req.params.customerNumber));
    const changes = readConsentChanges(req);
    if (typeof changes === 'string') return fail(res, 400, { errorCode: 'INVALID_FIELD', message: changes });
    // Answers with the updated record, as if `Prefer: return=representation` had been sent.
    res.json(store.updateConsent(contact, changes));
  };
  app.patch(BY_CUSTOMER_NUMBER, updateConsent);
  // Salesforce's override for HTTP clients that can only POST: `?_HttpMethod=PATCH`.
  app.post(BY_CUSTOMER_NUMBER, (req, res, next) => {
    if (req.query._HttpMethod !== 'PATCH') return fail(res, 405, { errorCode: 'METHOD_NOT_ALLOWED', message: 'use PATCH or ?_HttpMethod=PATCH' });
    return updateConsent(req, res, next);
  });
}

/** The body must set at least one consent field, each to a boolean, and nothing else. */
function readConsentChanges(req: Request): Partial<Record<ConsentField, boolean>> | string {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'the body must be a JSON object';
  const entries = Object.entries(body);
  if (entries.length === 0) return `the body must set at least one of ${CONSENT_FIELDS.join(', ')}`;
  const changes: Partial<Record<ConsentField, boolean>> = {};
  for (const [field, value] of entries) {
    if (!(CONSENT_FIELDS as readonly string[]).includes(field)) return `field "${field}" cannot be updated here`;
    if (typeof value !== 'boolean') return `field "${field}" must be a boolean`;
    changes[field as ConsentField] = value;
  }
  return changes;
}

function answerContact(res: Response, contact: ContactRecord | undefined, id: string): void {
  if (contact) res.json(contact);
  else notFound(res, `Contact ${id}`);
}

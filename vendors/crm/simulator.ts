import type { Express } from 'express';
import { createSimulatorApp, finishSimulatorApp } from '../kit/app.js';
import { createEffectsLedger } from '../kit/effects.js';
import type { SeedData } from '../seed/index.js';
import { addContactRoutes } from './contact-routes.js';
import { addNegotiatedDiscountRoutes } from './negotiated-discounts.js';
import { addQueryRoutes } from './query-routes.js';
import { addSObjectRoutes } from './sobject-routes.js';
import { CAMPAIGN, GOODWILL_CREDIT } from './sobject-types.js';
import { createSObjectStore } from './sobjects.js';
import { createContactStore } from './store.js';

/**
 * A Salesforce-like CRM holding the seed customers as Contacts, under `/services/data/v59.0`:
 *
 * - `GET  /sobjects/Contact/:id` and `GET /sobjects/Contact/CustomerNumber__c/:customerNumber`: one Contact, 404 if unknown
 * - `POST /composite/sobjects/Contact/CustomerNumber__c` `{ "ids": [...] }`: up to 200 Contacts in one call,
 *   answered as `{ totalSize, done, records, notFound }`
 * - `GET  /query?q=<SOQL>`: Contacts in `CustomerNumber__c` order, optionally `WHERE Segments__c INCLUDES ('vip')`,
 *   with LIMIT/OFFSET, in batches of 50 chained by `nextRecordsUrl` until `done`; `SELECT COUNT()` counts
 * - `GET  /query/:locator`: the next batch of a query
 * - `PATCH /sobjects/Contact/CustomerNumber__c/:customerNumber` (or POST with `?_HttpMethod=PATCH`): sets the consent
 *   fields `HasOptedOutOfEmail`, `SMS_Opt_In__c`, `Profiling_Consent__c` in memory; anything else is a 400
 * - `Campaign` and `Goodwill_Credit__c` records, upserted by `ExternalId__c` (see `addSObjectRoutes`)
 *
 * and, as an Apex REST class, `GET /services/apexrest/v1/negotiated-discounts?sku=` (see `addNegotiatedDiscountRoutes`).
 * Every write to a Campaign or a goodwill credit is listed in `GET /_admin/effects`.
 */
export function createCrmSimulator(data: SeedData): Express {
  const effects = createEffectsLedger();
  const contacts = createContactStore(data.customers);
  const app = createSimulatorApp('crm', undefined, effects);
  addContactRoutes(app, contacts);
  addQueryRoutes(app, contacts);
  for (const type of [CAMPAIGN, GOODWILL_CREDIT]) addSObjectRoutes(app, createSObjectStore(type, effects), contacts);
  addNegotiatedDiscountRoutes(app, data, contacts);
  return finishSimulatorApp(app);
}

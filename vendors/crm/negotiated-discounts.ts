import type { Express } from 'express';
import { negotiatedDiscountsOf } from '../seed/negotiated-discounts.js';
import type { SeedData } from '../seed/index.js';
import { fail } from './api-errors.js';
import { KEY_PREFIX, recordId } from './ids.js';
import { API_BASE, type RecordAttributes } from './records.js';
import type { ContactStore } from './store.js';

/** A `Negotiated_Discount__c` record: off one product code (a variant SKU) or a whole product family (a category path). */
export interface NegotiatedDiscountRecord {
  attributes: RecordAttributes;
  Id: string;
  Contact__c: string;
  Customer_Number__c: string;
  Product_Code__c: string | null;
  Product_Family__c: string | null;
  Discount_Percent__c: number;
  /** Salesforce dates, `YYYY-MM-DD`, both included. */
  Valid_From__c: string;
  Valid_Until__c: string;
}

const ROUTE = '/services/apexrest/v1/negotiated-discounts';

/**
 * `GET /services/apexrest/v1/negotiated-discounts?sku=<variant SKU>&activeOn=<YYYY-MM-DD>`, an Apex REST
 * class of the org: the negotiated discounts in force on that day (today by default) that cover the
 * SKU, by its product code or by a family its product is in (the org's Product2 catalog knows them).
 */
export function addNegotiatedDiscountRoutes(app: Express, data: SeedData, contacts: ContactStore): void {
  const records = negotiatedDiscountsOf(data).map((discount, index): NegotiatedDiscountRecord => {
    const Id = recordId(KEY_PREFIX.negotiatedDiscount, index + 1);
    return {
      attributes: { type: 'Negotiated_Discount__c', url: `${API_BASE}/sobjects/Negotiated_Discount__c/${Id}` },
      Id,
      Contact__c: contacts.byCustomerNumber(discount.customerId)!.Id,
      Customer_Number__c: discount.customerId,
      Product_Code__c: discount.sku,
      Product_Family__c: discount.category,
      Discount_Percent__c: discount.percentOff,
      Valid_From__c: discount.validFrom,
      Valid_Until__c: discount.validUntil,
    };
  });
  const familiesBySku = new Map(data.products.flatMap((product) => product.variants.map((variant) => [variant.sku, product.categories])));

  app.get(ROUTE, (req, res) => {
    const { sku, activeOn = new Date().toISOString().slice(0, 10) } = req.query;
    if (typeof sku !== 'string' || sku === '') return fail(res, 400, { errorCode: 'INVALID_ARGUMENT', message: 'the "sku" parameter is required' });
    if (typeof activeOn !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(activeOn)) {
      return fail(res, 400, { errorCode: 'INVALID_ARGUMENT', message: '"activeOn" must be a date YYYY-MM-DD' });
    }
    const families = familiesBySku.get(sku) ?? [];
    const covers = (record: NegotiatedDiscountRecord) =>
      record.Product_Code__c === sku || (record.Product_Family__c !== null && families.includes(record.Product_Family__c));
    res.json(records.filter((record) => covers(record) && record.Valid_From__c <= activeOn && activeOn <= record.Valid_Until__c));
  });
}

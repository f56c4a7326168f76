import type { VendorClient } from '../../lib/subgraph/vendor-client.js';
import type { Campaign, CrmAdapter, GoodwillCredit } from './adapter.js';
import {
  externalIdObject,
  type CampaignRecord,
  type GoodwillCreditRecord,
  type NegotiatedDiscountRecord,
  type SalesforceError,
} from './salesforce-records.js';

type StepCommands = Pick<CrmAdapter, 'createCampaign' | 'cancelCampaign' | 'grantGoodwillCredit' | 'revokeGoodwillCredit' | 'negotiatedDiscounts'>;

const ABORTED = 'Aborted';
const REVOKED = 'Revoked';

/**
 * Campaigns and goodwill credits keyed by the step's reference as their `ExternalId__c`, upserted:
 * the same upsert again changes nothing, and leaves a cancelled record cancelled (it sets no status).
 * A record upserted before is read back for its state now. Negotiated discounts come from the org's
 * Apex REST class.
 */
export function createStepCommands(client: VendorClient): StepCommands {
  const campaigns = externalIdObject<CampaignRecord>(client, 'Campaign');
  const credits = externalIdObject<GoodwillCreditRecord>(client, 'Goodwill_Credit__c');

  return {
    async createCampaign(request) {
      const fields = { Name: request.name, Segment__c: request.segment, Product_Ids__c: request.productIds.join(';') };
      const answer = await campaigns.upsert(request.reference, fields);
      if (!answer.ok) throw answer.error;
      if (answer.body.created) return { ...request, status: 'ACTIVE' };
      return toCampaign(await campaigns.readBack(request.reference));
    },

    cancelCampaign: (reference) => campaigns.undo(reference, (record) => record.Status === ABORTED, { Status: ABORTED, IsActive: false }),

    async grantGoodwillCredit(request) {
      const fields = {
        Contact__r: { CustomerNumber__c: request.customerId },
        Amount__c: request.amount,
        CurrencyIsoCode: request.currency,
        Reason__c: request.reason,
      };
      const answer = await credits.upsert(request.reference, fields);
      if (!answer.ok && isUnknownContact(answer.body)) return null;
      if (!answer.ok) throw answer.error;
      if (answer.body.created) return { ...request, status: 'GRANTED' };
      return toGoodwillCredit(await credits.readBack(request.reference));
    },

    revokeGoodwillCredit: (reference) => credits.undo(reference, (record) => record.Status__c === REVOKED, { Status__c: REVOKED }),

    async negotiatedDiscounts(sku, activeOn) {
      const records = await client.get<NegotiatedDiscountRecord[]>('/services/apexrest/v1/negotiated-discounts', { sku, activeOn });
      return records.map((record) => ({
        customerId: record.Customer_Number__c,
        sku: record.Product_Code__c,
        category: record.Product_Family__c,
        percentOff: record.Discount_Percent__c,
        validFrom: record.Valid_From__c,
        validUntil: record.Valid_Until__c,
      }));
    },
  };
}

function toCampaign(record: CampaignRecord): Campaign {
  return {
    reference: record.ExternalId__c,
    name: record.Name,
    segment: record.Segment__c ?? '',
    productIds: record.Product_Ids__c ? record.Product_Ids__c.split(';') : [],
    status: record.Status === ABORTED ? 'CANCELLED' : 'ACTIVE',
  };
}

function toGoodwillCredit(record: GoodwillCreditRecord): GoodwillCredit {
  return {
    reference: record.ExternalId__c,
    customerId: record.Customer_Number__c,
    amount: record.Amount__c,
    currency: record.CurrencyIsoCode,
    reason: record.Reason__c ?? '',
    status: record.Status__c === REVOKED ? 'REVOKED' : 'GRANTED',
  };
}

/** The org refuses a lookup to a Contact whose external id it does not have. */
function isUnknownContact(refusal: unknown): boolean {
  return Array.isArray(refusal) && (refusal as SalesforceError[]).some((error) => error.errorCode === 'INVALID_FIELD' && error.fields?.includes('Contact__r'));
}

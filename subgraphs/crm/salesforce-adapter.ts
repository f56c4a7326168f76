import { createVendorClient, type VendorConnection } from '../../lib/subgraph/vendor-client.js';
import type { Consent, CrmAdapter, CustomerPageRequest } from './adapter.js';
import { toConsentFields, toCustomer, type ContactRecord } from './salesforce-contact.js';
import { API } from './salesforce-records.js';
import { createStepCommands } from './salesforce-steps.js';

/** The most ids one sObject Collections read accepts. */
const COLLECTION_LIMIT = 200;

interface QueryResult {
  totalSize: number;
  done: boolean;
  nextRecordsUrl?: string;
  records: ContactRecord[];
}

/** The CrmAdapter over a Salesforce-style CRM: Contacts keyed by the `CustomerNumber__c` external id. */
export function createSalesforceAdapter(connection: VendorConnection): CrmAdapter {
  const client = createVendorClient({ vendor: 'crm', ...connection });
  const query = (soql: string) => client.get<QueryResult>(`${API}/query`, { q: soql });

  return {
    async customersByIds(ids) {
      const chunks = Array.from({ length: Math.ceil(ids.length / COLLECTION_LIMIT) }, (_, i) =>
        ids.slice(i * COLLECTION_LIMIT, (i + 1) * COLLECTION_LIMIT),
      );
      const answers = await Promise.all(
        chunks.map((chunk) => client.post<QueryResult>(`${API}/composite/sobjects/Contact/CustomerNumber__c`, { ids: chunk })),
      );
      const found = new Map(answers.flatMap((answer) => answer.records).map((record) => [record.CustomerNumber__c, record]));
      return ids.map((id) => {
        const record = found.get(id);
        return record ? toCustomer(record) : null;
      });
    },

    // Our offset cursor becomes a SOQL OFFSET; the CRM then sends the rest of the result in
    // batches chained by nextRecordsUrl, of which we read only as many as the page needs.
    async customers({ offset, limit, segment }: CustomerPageRequest) {
      const first = await query(`SELECT FIELDS(ALL) FROM Contact${where(segment)} ORDER BY CustomerNumber__c OFFSET ${offset}`);
      const records = [...first.records];
      for (let batch = first; records.length < limit && !batch.done && batch.nextRecordsUrl; ) {
        batch = await client.get<QueryResult>(batch.nextRecordsUrl);
        records.push(...batch.records);
      }
      // totalSize counts the records from OFFSET on; past the end it is 0, so count instead.
      const totalCount =
        records.length > 0 || offset === 0
          ? offset + first.totalSize
          : (await query(`SELECT COUNT() FROM Contact${where(segment)}`)).totalSize;
      return { customers: records.slice(0, limit).map(toCustomer), totalCount };
    },

    // The CRM answers an unknown customer number with 404, so nothing is read first.
    async updateConsent(customerId: string, changes: Partial<Consent>) {
      const path = `${API}/sobjects/Contact/CustomerNumber__c/${encodeURIComponent(customerId)}`;
      const answer = await client.send<ContactRecord>('PATCH', path, { body: toConsentFields(changes) });
      if (answer.ok) return toCustomer(answer.body);
      if (answer.status === 404) return null;
      throw answer.error;
    },

    ...createStepCommands(client),
  };
}

function where(segment: string | null): string {
  if (segment === null) return '';
  return ` WHERE Segments__c INCLUDES ('${segment.replace(/[\\']/g, '\\$&')}')`;
}

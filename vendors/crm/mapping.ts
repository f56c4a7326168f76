import type { SeedAddress, SeedCustomer } from '../seed/index.js';
import { KEY_PREFIX, recordId } from './ids.js';
import {
  API_BASE,
  type AddressRecord,
  type ContactRecord,
  type LoyaltyTierPicklist,
  type PaymentMethodRecord,
  type RelatedList,
} from './records.js';

const TIER_PICKLIST: Record<SeedCustomer['loyalty']['tier'], LoyaltyTierPicklist> = {
  BRONZE: 'Bronze',
  SILVER: 'Silver',
  GOLD: 'Gold',
  PLATINUM: 'Platinum',
};

/** Reshapes one seed customer into the CRM's Contact record, with its related records nested. */
export function toContact(customer: SeedCustomer): ContactRecord {
  const number = Number(customer.id.slice(1));
  const id = recordId(KEY_PREFIX.contact, number);
  const [mailing, ...otherAddresses] = customer.addresses;
  return {
    attributes: attributes('Contact', id),
    Id: id,
    CustomerNumber__c: customer.id,
    Name: `${customer.firstName} ${customer.lastName}`,
    FirstName: customer.firstName,
    LastName: customer.lastName,
    Email: customer.email,
    MobilePhone: customer.phone,
    MailingStreet: mailing?.line1 ?? null,
    MailingCity: mailing?.city ?? null,
    MailingPostalCode: mailing?.postalCode ?? null,
    MailingCountry: mailing?.country ?? null,
    Segments__c: customer.segments.length > 0 ? customer.segments.join(';') : null,
    Loyalty_Tier__c: TIER_PICKLIST[customer.loyalty.tier],
    Loyalty_Points__c: customer.loyalty.points,
    HasOptedOutOfEmail: !customer.consent.email,
    SMS_Opt_In__c: customer.consent.sms,
    Profiling_Consent__c: customer.consent.profiling,
    CreatedDate: toSalesforceDate(customer.createdAt),
    LastModifiedDate: toSalesforceDate(customer.createdAt),
    Addresses__r: related(otherAddresses.map((address, i) => toAddress(address, number * 10 + i))),
    Payment_Methods__r: related(
      customer.paymentMethods.map((method, i): PaymentMethodRecord => {
        const methodId = recordId(KEY_PREFIX.paymentMethod, number * 10 + i);
        return {
          attributes: attributes('Payment_Method__c', methodId),
          Id: methodId,
          Card_Brand__c: method.brand,
          Last4__c: method.last4,
          Exp_Month__c: method.expMonth,
          Exp_Year__c: method.expYear,
          Payment_Token__c: `tok_${methodId.toLowerCase()}`,
        };
      }),
    ),
  };
}

function toAddress(address: SeedAddress, sequence: number): AddressRecord {
  const id = recordId(KEY_PREFIX.address, sequence);
  return {
    attributes: attributes('Contact_Address__c', id),
    Id: id,
    Type__c: address.kind === 'billing' ? 'Billing' : 'Shipping',
    Street__c: address.line1,
    City__c: address.city,
    PostalCode__c: address.postalCode,
    Country__c: address.country,
  };
}

/** Salesforce sends an empty child relationship as `null`. */
function related<R>(records: R[]): RelatedList<R> | null {
  return records.length > 0 ? { totalSize: records.length, done: true, records } : null;
}

function attributes(type: string, id: string) {
  return { type, url: `${API_BASE}/sobjects/${type}/${id}` };
}

/** `2022-05-25T16:30:52.630Z` → `2022-05-25T16:30:52.000+0000`, the way Salesforce writes datetimes. */
export function toSalesforceDate(iso: string): string {
  return `${iso.slice(0, 19)}.000+0000`;
}

import type { ApiError } from './records.js';
import type { FieldKind, SObjectType } from './sobject-types.js';
import type { ContactStore } from './store.js';

/** Field values as a record keeps them. */
export type FieldValues = Record<string, unknown>;

/** What a write sets, or the org's refusal of it. */
export type FieldsRead = { values: FieldValues } | { refused: ApiError };

const ACCEPTS: Record<Exclude<FieldKind['kind'], 'picklist' | 'contact-lookup'>, (value: unknown) => boolean> = {
  text: (value) => typeof value === 'string',
  'positive-number': (value) => typeof value === 'number' && value > 0,
  boolean: (value) => typeof value === 'boolean',
};

/**
 * The values a write's body sets, checked against the object's fields as the org would: an unknown
 * field, a value of the wrong type or a Contact that does not exist is refused with Salesforce's error.
 * A Contact lookup is kept as `Contact__c` (its Id) with the formula field `Customer_Number__c`.
 */
export function readFields(type: SObjectType, body: unknown, contacts: ContactStore): FieldsRead {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return refused('JSON_PARSER_ERROR', 'the body must be a JSON object');
  const values: FieldValues = {};
  for (const [field, value] of Object.entries(body)) {
    const kind = type.fields[field];
    if (!kind) return refused('INVALID_FIELD', `No such column '${field}' on sobject of type ${type.name}`, field);
    if (kind.kind === 'contact-lookup') {
      const customerNumber = String((value as { CustomerNumber__c?: unknown } | null)?.CustomerNumber__c);
      const contact = contacts.byCustomerNumber(customerNumber);
      if (!contact) return refused('INVALID_FIELD', `Foreign key external ID: ${customerNumber} not found for field CustomerNumber__c in entity Contact`, field);
      Object.assign(values, { Contact__c: contact.Id, Customer_Number__c: contact.CustomerNumber__c });
    } else if (kind.kind === 'picklist' ? kind.values.includes(value as string) : ACCEPTS[kind.kind](value)) {
      values[field] = value;
    } else {
      const code = kind.kind === 'picklist' ? 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' : 'INVALID_TYPE_ON_FIELD_IN_RECORD';
      return refused(code, `${field}: bad value: ${String(value)}`, field);
    }
  }
  return { values };
}

/** The fields an insert must set that `values` leaves out. */
export function missingFields(type: SObjectType, values: FieldValues): string[] {
  return type.required.filter((field) => values[field] === undefined);
}

function refused(errorCode: string, message: string, field?: string): { refused: ApiError } {
  return { refused: { errorCode, message, ...(field ? { fields: [field] } : {}) } };
}

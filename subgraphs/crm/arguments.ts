import { badUserInput } from '../../lib/subgraph/bad-user-input.js';
import type { Consent } from './adapter.js';

/** The consent changes a ConsentInput asks for: at least one field, and no nulls. */
export function readConsentChanges(input: { [K in keyof Consent]?: boolean | null }): Partial<Consent> {
  const changes: Partial<Consent> = {};
  for (const field of ['email', 'sms', 'profiling'] as const) {
    const value = input[field];
    if (value === null) throw badUserInput(`"consent.${field}" may be omitted but not null`);
    if (value !== undefined) changes[field] = value;
  }
  if (Object.keys(changes).length === 0) throw badUserInput('"consent" must set at least one of email, sms, profiling');
  return changes;
}

/** One segment name, or `null` for no filter. */
export function readSegment(segment: string | null | undefined): string | null {
  if (segment === null || segment === undefined) return null;
  if (segment.trim() === '' || segment.includes(';')) {
    throw badUserInput(`"segment" must be one non-empty segment name, got "${segment}"`);
  }
  return segment;
}

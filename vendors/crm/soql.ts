/**
 * The slice of SOQL this org answers: Contacts, optionally filtered by one segment, in
 * `CustomerNumber__c` order, with LIMIT/OFFSET, or counted with `SELECT COUNT()`:
 *
 *   SELECT FIELDS(ALL) FROM Contact WHERE Segments__c INCLUDES ('vip') ORDER BY CustomerNumber__c OFFSET 40
 *
 * Whatever the select list names, records come back whole, related lists included.
 */
export interface ContactQuery {
  count: boolean;
  segment: string | null;
  limit: number | null;
  offset: number;
}

const CONTACT_QUERY = new RegExp(
  [
    /^SELECT\s+(?<select>.+?)\s+FROM\s+Contact/.source,
    /(?:\s+WHERE\s+Segments__c\s+INCLUDES\s*\(\s*'(?<segment>(?:[^'\\]|\\.)*)'\s*\))?/.source,
    /(?:\s+ORDER\s+BY\s+CustomerNumber__c(?:\s+ASC)?)?/.source,
    /(?:\s+LIMIT\s+(?<limit>\d+))?(?:\s+OFFSET\s+(?<offset>\d+))?\s*$/.source,
  ].join(''),
  'is',
);

/** Reads a query, or returns why it is not one this org can run. */
export function parseContactQuery(soql: string): ContactQuery | string {
  const match = CONTACT_QUERY.exec(soql.trim());
  if (!match?.groups) return `unsupported query: ${soql}`;
  const { select, segment, limit, offset } = match.groups;
  const count = /^COUNT\(\s*\)$/i.test(select ?? '');
  if (count && (limit !== undefined || offset !== undefined)) return 'COUNT() takes neither LIMIT nor OFFSET';
  return {
    count,
    segment: segment === undefined ? null : segment.replace(/\\(.)/g, '$1'),
    limit: limit === undefined ? null : Number(limit),
    offset: offset === undefined ? 0 : Number(offset),
  };
}

/** Where a query's remaining records are: Salesforce's `01g…-<position>` query locators, made stateless. */
export interface QueryLocator {
  segment: string | null;
  /** Index of the query's first record, of the next record to send, and past the query's last record. */
  start: number;
  position: number;
  end: number;
}

export function encodeLocator({ segment, start, position, end }: QueryLocator): string {
  return `01gCRM${Buffer.from(JSON.stringify({ segment, start, end })).toString('base64url')}-${position}`;
}

export function decodeLocator(locator: string): QueryLocator | null {
  const match = /^01gCRM([A-Za-z0-9_-]+)-(\d+)$/.exec(locator);
  if (!match) return null;
  try {
    const state = JSON.parse(Buffer.from(match[1] ?? '', 'base64url').toString()) as Partial<QueryLocator>;
    const segment = typeof state.segment === 'string' ? state.segment : null;
    const { start, end } = state;
    const position = Number(match[2]);
    if (!Number.isInteger(start) || !Number.isInteger(end)) return null;
    if ((start as number) < 0 || position < (start as number) || position > (end as number)) return null;
    return { segment, start: start as number, position, end: end as number };
  } catch {
    return null;
  }
}

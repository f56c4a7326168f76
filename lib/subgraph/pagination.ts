import { badUserInput } from './bad-user-input.js';

/** Relay-style page arguments, validated: `first` within 1..max, `after` a cursor we issued. */
export interface PageRequest {
  offset: number;
  limit: number;
}

export function readPageArgs(args: { first?: number | null; after?: string | null }, max = 100): PageRequest {
  const limit = args.first ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw badUserInput(`"first" must be between 1 and ${max}, got ${limit}`);
  }
  return { offset: args.after ? decodeCursor(args.after) : 0, limit };
}

/** Cursors are opaque to clients: base64url of the offset of the next item. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badUserInput(`"after" is not a cursor this API issued: "${cursor}"`);
  return Number(match[1]);
}

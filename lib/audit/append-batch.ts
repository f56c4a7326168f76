import type { PoolClient } from '../postgres/pool.js';
import type { AuditRecord, CanonicalParts, PreparedEntry } from './record.js';
import { entryColumns, recordFromRow, type RecordRow } from './rows.js';

/** An entry and its canonical JSON around the fields the chain gives it (see `canonicalAround`). */
export interface Chainable {
  entry: PreparedEntry;
  canonical: CanonicalParts;
}

/** The last record of the chain: its seq (0 when empty) and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export interface Appended {
  /** Each entry's record: the one written now, or the one written before for its (actionId, step). */
  records: AuditRecord[];
  head: ChainHead;
}

interface AppendedRow {
  record_seq: string;
  record_prev_hash: string;
  record_hash: string;
  earlier: (Omit<RecordRow, 'time'> & { time: string }) | null;
}

/**
 * Writes `batch` in one statement, committed on its own when this resolves: `audit.append` (see
 * `append-function.ts`) chains it under the head's row lock, so one chain order holds across processes.
 */
export async function appendBatch(client: PoolClient, batch: Chainable[]): Promise<Appended> {
  const entries = batch.map(({ entry, canonical }) => ({
    ...entryColumns(entry),
    hashed_before: canonical.before,
    hashed_between: canonical.between,
    hashed_after: canonical.after,
  }));
  const { rows } = await client.query<AppendedRow>('SELECT * FROM audit.append($1)', [JSON.stringify(entries)]);
  const records = rows.map((row, i) =>
    row.earlier
      ? recordFromRow({ ...row.earlier, time: new Date(row.earlier.time) })
      : { ...batch[i]!.entry, seq: Number(row.record_seq), prevHash: row.record_prev_hash, hash: row.record_hash },
  );
  return { records, head: newest(records) };
}

/** The head as this group left it, unless all of it was written before (then a record as good to checkpoint). */
function newest(records: AuditRecord[]): ChainHead {
  const { seq, hash } = records.reduce((latest, record) => (record.seq > latest.seq ? record : latest));
  return { seq, hash };
}

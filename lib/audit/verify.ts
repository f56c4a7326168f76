import type { KeyObject } from 'node:crypto';
import type { Pool, PoolClient } from '../postgres/pool.js';
import { inTransaction } from '../postgres/transaction.js';
import type { ChainHead } from './append-batch.js';
import { checkpointSignatureValid, type SignedCheckpoint } from './checkpoint.js';
import { GENESIS_HASH, hashRecord, type AuditRecord } from './record.js';
import { recordFromRow, type RecordRow } from './rows.js';

export type VerifyResult =
  | { ok: true; records: number; checkpoints: number }
  /** `seq`: the first bad record (for a forged checkpoint, the seq it names). */
  | { ok: false; seq: number; reason: string };

const PAGE = 1_000;

/**
 * Checks the whole chain against the published checkpoints, in one consistent snapshot: every checkpoint's
 * signature; every record's hash recomputed from its content, its link to the one before, and seq numbers
 * without a gap; each checkpointed record still there with the hash the checkpoint signed. So a record
 * altered, deleted or moved, and history rewritten or cut short before the last checkpoint, are each named
 * by the first record that no longer holds. (Records after the last checkpoint can only be checked against
 * each other: what was never published can be cut without trace.)
 */
export async function verifyAuditChain(pool: Pool, checkpoints: SignedCheckpoint[], publicKey: KeyObject): Promise<VerifyResult> {
  const forged = checkpoints.find((checkpoint) => checkpoint.count !== checkpoint.seq || !checkpointSignatureValid(checkpoint, publicKey));
  if (forged) return { ok: false, seq: forged.seq, reason: `the checkpoint at seq ${forged.seq} (published ${forged.time}) does not carry a valid signature` };
  return inTransaction(
    pool,
    async (client) => {
      const headSeq = await chainHeadSeq(client);
      // A database without the audit tables holds an empty log: fine, unless a checkpoint says otherwise.
      const { last, problem } = headSeq === undefined ? { last: 0 } : await walk(client, bySeq(checkpoints));
      return problem ?? endProblem(last, headSeq ?? 0, checkpoints) ?? { ok: true, records: last, checkpoints: checkpoints.length };
    },
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  );
}

async function chainHeadSeq(client: PoolClient): Promise<number | undefined> {
  const { rows } = await client.query<{ present: boolean }>(`SELECT to_regclass('audit.chain_head') IS NOT NULL AS present`);
  if (!rows[0]!.present) return undefined;
  const head = await client.query<{ seq: string }>('SELECT seq FROM audit.chain_head');
  return Number(head.rows[0]!.seq);
}

type Problem = { ok: false; seq: number; reason: string };

/** Every record in seq order, checked against the one before and the checkpoints at its seq; `last`: the last good seq. */
async function walk(client: PoolClient, checkpoints: Map<number, SignedCheckpoint[]>): Promise<{ last: number; problem?: Problem }> {
  let previous: ChainHead = { seq: 0, hash: GENESIS_HASH };
  let lastMatched = 0;
  for await (const record of inSeqOrder(client)) {
    const problem = recordProblem(record, previous);
    if (problem) return { last: previous.seq, problem };
    for (const checkpoint of checkpoints.get(record.seq) ?? []) {
      if (checkpoint.rootHash !== record.hash) {
        const reason = `record ${record.seq} is not the one the checkpoint of ${checkpoint.time} signed: a record after ${lastMatched} and up to ${record.seq} was rewritten, with every hash after it recomputed`;
        return { last: previous.seq, problem: { ok: false, seq: record.seq, reason } };
      }
      lastMatched = record.seq;
    }
    previous = record;
  }
  return { last: previous.seq };
}

/** A log that ends before its chain head or its last checkpoint was cut short; one beyond its head was written around it. */
function endProblem(last: number, headSeq: number, checkpoints: SignedCheckpoint[]): Problem | undefined {
  const latest = checkpoints.reduce<SignedCheckpoint | undefined>((most, checkpoint) => (checkpoint.seq > (most?.seq ?? 0) ? checkpoint : most), undefined);
  const missing = (says: string): Problem => ({ ok: false, seq: last + 1, reason: `record ${last + 1} is missing: the log ends at ${last}, but ${says}` });
  if (latest && latest.seq > last) return missing(`the checkpoint of ${latest.time} says it held ${latest.seq}`);
  if (headSeq > last) return missing(`its chain head says it holds ${headSeq}`);
  if (headSeq < last) return { ok: false, seq: headSeq + 1, reason: `record ${headSeq + 1} was written around the chain head, which ends at ${headSeq}` };
  return undefined;
}

function bySeq(checkpoints: SignedCheckpoint[]): Map<number, SignedCheckpoint[]> {
  const map = new Map<number, SignedCheckpoint[]>();
  for (const checkpoint of checkpoints) map.set(checkpoint.seq, [...(map.get(checkpoint.seq) ?? []), checkpoint]);
  return map;
}

function recordProblem(record: AuditRecord, previous: ChainHead): Problem | undefined {
  const bad = (seq: number, reason: string): Problem => ({ ok: false, seq, reason });
  const expected = previous.seq + 1;
  if (record.seq !== expected) return bad(expected, `record ${expected} is missing: record ${previous.seq} is followed by ${record.seq}`);
  const { hash, ...content } = record;
  if (hashRecord(content) !== hash) return bad(record.seq, `record ${record.seq} was altered: its content does not match its hash`);
  if (record.prevHash !== previous.hash) return bad(record.seq, `record ${record.seq} does not follow record ${previous.seq}: its prevHash is not that record's hash`);
  return undefined;
}

async function* inSeqOrder(client: PoolClient): AsyncGenerator<AuditRecord> {
  for (let after = 0; ; ) {
    const { rows } = await client.query<RecordRow>('SELECT * FROM audit.records WHERE seq > $1 ORDER BY seq LIMIT $2', [after, PAGE]);
    for (const row of rows) yield recordFromRow(row);
    if (rows.length < PAGE) return;
    after = Number(rows.at(-1)!.seq);
  }
}


import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { readCheckpoints } from '../lib/audit/checkpoint-file.js';
import { signCheckpoint } from '../lib/audit/checkpoint.js';
import { Checkpointer } from '../lib/audit/checkpointer.js';
import { hashRecord, type AuditRecord } from '../lib/audit/record.js';
import { rowFromRecord } from '../lib/audit/rows.js';
import { ensureAuditSchema } from '../lib/audit/schema.js';
import { verifyAuditChain } from '../lib/audit/verify.js';
import { scratchDatabaseOrSkip } from '../lib/postgres/scratch-database.js';
import { anEntry, anInstance, tamper } from './support/audit.js';

/**
 * `verifyAuditChain` names the first record that no longer holds: one altered, deleted or moved, history cut
 * short or rewritten (hashes recomputed) before the last signed checkpoint, and a checkpoint not signed by the key.
 */
const database = await scratchDatabaseOrSkip('test/audit-verify.e2e.ts');
const key = generateKeyPairSync('ed25519');

describe.runIf(database)('verifying the audit chain', () => {
  let instance: Awaited<ReturnType<typeof anInstance>>;
  let checkpointer: Checkpointer;
  let records: AuditRecord[];
  let checkpointFile: string;
  const verify = async () => verifyAuditChain(instance.pool, await readCheckpoints(checkpointFile), key.publicKey);

  /** A fresh chain of 12 records, with checkpoints published at 5 and 10 (every 5 records) and at 12. */
  beforeEach(async () => {
    await instance?.close();
    instance = await anInstance(database!.url);
    await instance.pool.query('DROP SCHEMA audit CASCADE');
    await ensureAuditSchema(instance.pool);
    checkpointFile = join(mkdtempSync(join(tmpdir(), 'audit-checkpoints-')), 'checkpoints.jsonl');
    checkpointer = new Checkpointer(instance.pool, key, { file: checkpointFile, everyRecords: 5, everySeconds: 3600 });
    await checkpointer.start();
    records = [];
    for (let i = 1; i <= 12; i++) {
      records.push(await instance.log.append(anEntry({ idempotencyKey: `key-${i}` })));
      checkpointer.observe(records.at(-1)!);
    }
    await checkpointer.checkpointNow();
    await checkpointer.stop();
  });
  afterAll(async () => {
    await instance?.close();
    await database?.drop();
  });

  it('holds for an untouched chain and its checkpoints', async () => {
    expect((await readCheckpoints(checkpointFile)).map((checkpoint) => checkpoint.seq)).toEqual([5, 10, 12]);
    expect(await verify()).toEqual({ ok: true, records: 12, checkpoints: 3 });
  });

  it('names a record whose content was altered', async () => {
    await tamper(instance.pool, `UPDATE audit.records SET outcome = 'refused' WHERE seq = 7`);
    expect(await verify()).toEqual({ ok: false, seq: 7, reason: 'record 7 was altered: its content does not match its hash' });
  });

  it('names a record that was deleted', async () => {
    await tamper(instance.pool, 'DELETE FROM audit.records WHERE seq = 4');
    expect(await verify()).toEqual({ ok: false, seq: 4, reason: 'record 4 is missing: record 3 is followed by 5' });
  });

  it('names the first of two records that swapped places', async () => {
    await tamper(instance.pool, 'UPDATE audit.records SET seq = -seq WHERE seq IN (8, 9)');
    await tamper(instance.pool, 'UPDATE audit.records SET seq = CASE seq WHEN -8 THEN 9 ELSE 8 END WHERE seq < 0');
    expect(await verify()).toMatchObject({ ok: false, seq: 8, reason: 'record 8 was altered: its content does not match its hash' });
  });

  it('names the first missing record when history was cut short before the last checkpoint, the head moved back too', async () => {
    await tamper(instance.pool, 'DELETE FROM audit.records WHERE seq > 9');
    await instance.pool.query('UPDATE audit.chain_head SET seq = 9, hash = $1', [records[8]!.hash]);
    expect(await verify()).toMatchObject({ ok: false, seq: 10, reason: expect.stringMatching(/^record 10 is missing: the log ends at 9, but the checkpoint of .+ says it held 12$/) });
  });

  it('names the checkpointed record when history was rewritten with every hash recomputed', async () => {
    await tamper(instance.pool, 'DELETE FROM audit.records WHERE seq >= 3');
    let previous = records[1]!;
    for (const original of records.slice(2)) {
      const { hash: _hash, ...content } = { ...original, outcome: original.seq === 3 ? 'refused' : original.outcome, prevHash: previous.hash };
      previous = { ...content, hash: hashRecord(content) };
      await insertRecord(previous);
    }
    await instance.pool.query('UPDATE audit.chain_head SET hash = $1', [previous.hash]);
    expect(await verify()).toMatchObject({ ok: false, seq: 5, reason: expect.stringContaining('a record after 0 and up to 5 was rewritten') });
  });

  it('names a checkpoint whose signature does not hold, or that another key signed', async () => {
    const [first] = await readCheckpoints(checkpointFile);
    const altered = { ...first!, rootHash: records[5]!.hash, seq: 6, count: 6 };
    expect(await verifyAuditChain(instance.pool, [altered], key.publicKey)).toMatchObject({ ok: false, seq: 6, reason: expect.stringContaining('does not carry a valid signature') });
    const other = generateKeyPairSync('ed25519');
    const foreign = signCheckpoint({ seq: 12, rootHash: records[11]!.hash, count: 12, time: new Date().toISOString() }, other.privateKey);
    expect(await verifyAuditChain(instance.pool, [foreign], key.publicKey)).toMatchObject({ ok: false, seq: 12 });
    expect(await verifyAuditChain(instance.pool, [foreign], other.publicKey)).toMatchObject({ ok: true });
  });

  async function insertRecord(record: AuditRecord): Promise<void> {
    await instance.pool.query('INSERT INTO audit.records SELECT * FROM json_populate_record(NULL::audit.records, $1)', [JSON.stringify(rowFromRecord(record))]);
  }
});

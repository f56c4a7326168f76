import { createHash, generateKeyPairSync } from 'node:crypto';
import canonicalize from 'canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH, type AuditRecord } from '../lib/audit/record.js';
import { verifyAuditChain } from '../lib/audit/verify.js';
import { scratchDatabaseOrSkip } from '../lib/postgres/scratch-database.js';
import { anEntry, anInstance } from './support/audit.js';

/**
 * The audit log's append side against the real PostgreSQL: one hash chain, numbered without gaps across
 * instances, each (actionId, step) written once, appends grouped into one transaction and acknowledged
 * only once committed, and a table that refuses UPDATE, DELETE and TRUNCATE, to a superuser too.
 */
const database = await scratchDatabaseOrSkip('test/audit-log.e2e.ts');
/** These tests publish no checkpoint: any key does. */
const { publicKey } = generateKeyPairSync('ed25519');

describe.runIf(database)('the audit log in PostgreSQL', () => {
  let one: Awaited<ReturnType<typeof anInstance>>;
  let two: Awaited<ReturnType<typeof anInstance>>;
  const headSeq = async () => Number((await one.pool.query('SELECT seq FROM audit.chain_head')).rows[0].seq);

  beforeAll(async () => {
    [one, two] = await Promise.all([anInstance(database!.url), anInstance(database!.url)]);
  });
  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
    await database?.drop();
  });

  it('numbers records from 1, links each to the one before, and hashes its RFC 8785 canonical JSON', async () => {
    const records: AuditRecord[] = [];
    for (const outcome of ['succeeded', 'refused', 'compensated']) records.push(await one.log.append(anEntry({ outcome })));

    expect(records.map((record) => record.seq)).toEqual([1, 2, 3]);
    expect(records.map((record) => record.prevHash)).toEqual([GENESIS_HASH, records[0]!.hash, records[1]!.hash]);
    for (const { hash, ...content } of records) {
      expect(hash).toBe(createHash('sha256').update(canonicalize(content)!).digest('hex'));
      expect(content).toMatchObject({ ...anEntry({ outcome: content.outcome }), id: expect.any(String), time: expect.any(String) });
    }
    expect(await verifyAuditChain(one.pool, [], publicKey)).toMatchObject({ ok: true });
  });

  it('reads back exactly what it hashed, whatever the strings and numbers', async () => {
    const record = await one.log.append(
      anEntry({ reason: 'nul \0 here', variables: { note: 'lone \uD800 surrogate, 😀 and é', big: 1e21, small: 0.1 + 0.2, when: new Date(0) as never, gone: undefined as never } }),
    );

    expect(record.reason).toBe('nul \uFFFD here');
    expect(record.variables).toEqual({ note: 'lone \uFFFD surrogate, 😀 and é', big: 1e21, small: 0.30000000000000004, when: '1970-01-01T00:00:00.000Z' });
    const { rows } = await one.pool.query('SELECT variables, reason FROM audit.records WHERE seq = $1', [record.seq]);
    expect(rows[0]).toEqual({ variables: record.variables, reason: record.reason });
    expect(await verifyAuditChain(one.pool, [], publicKey)).toMatchObject({ ok: true });
  });

  it('writes concurrent appends in one transaction, and acknowledges none before it committed', async () => {
    const seenByAnotherConnection: boolean[] = [];
    const records = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        one.log.append(anEntry({ idempotencyKey: `group-${i}` })).then(async (record) => {
          const { rowCount } = await two.pool.query('SELECT 1 FROM audit.records WHERE seq = $1', [record.seq]);
          seenByAnotherConnection.push(rowCount === 1);
          return record;
        }),
      ),
    );

    expect(seenByAnotherConnection).toEqual(Array(50).fill(true));
    const seqs = records.map((record) => record.seq);
    const { rows } = await one.pool.query('SELECT count(DISTINCT xmin::text)::int AS transactions FROM audit.records WHERE seq = ANY($1)', [seqs]);
    expect(rows[0].transactions).toBe(1);
  });

  it('keeps one chain for 200 concurrent appends from two instances, numbered without a gap', async () => {
    const before = await headSeq();
    const appends = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? one : two).log.append(anEntry({ idempotencyKey: `two-instances-${i}` })));
    const records = await Promise.all(appends);

    expect(records.map((record) => record.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => before + 1 + i));
    const { rows } = await one.pool.query('SELECT count(DISTINCT xmin::text)::int AS transactions FROM audit.records WHERE seq > $1', [before]);
    expect(rows[0].transactions).toBeGreaterThanOrEqual(2);
    expect(await verifyAuditChain(two.pool, [], publicKey)).toMatchObject({ ok: true, records: before + 200 });
  });

  it('chains a group on the head as the database has it, when another instance moved it since', async () => {
    const mine = await one.log.append(anEntry());
    const theirs = await two.log.append(anEntry());
    const next = await one.log.append(anEntry());

    expect([theirs.seq, next.seq]).toEqual([mine.seq + 1, mine.seq + 2]);
    expect(next.prevHash).toBe(theirs.hash);
    expect(await verifyAuditChain(one.pool, [], publicKey)).toMatchObject({ ok: true });
  });

  it('writes a step re-run by recovery once, in whichever instance runs it again', async () => {
    const step = anEntry({ actionId: 'A-dedupe', step: 'reserveStock' });
    const [first, concurrent] = await Promise.all([one.log.append(step), two.log.append(step)]);
    const again = await two.log.append({ ...step, outcome: 'succeeded on retry' });
    const nextStep = await one.log.append({ ...step, step: 'authorizePayment' });
    const wholeAction = await Promise.all([one.log.append({ ...step, step: null }), one.log.append({ ...step, step: null })]);

    expect(concurrent).toEqual(first);
    expect(again).toEqual(first);
    expect(nextStep.seq).not.toBe(first.seq);
    expect(wholeAction[1]).toEqual(wholeAction[0]);
    const { rows } = await one.pool.query(`SELECT step FROM audit.records WHERE action_id = 'A-dedupe' ORDER BY seq`);
    expect(rows.map((row) => row.step)).toEqual(['reserveStock', 'authorizePayment', null]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of records, to the superuser too', async () => {
    const superuser = (await one.pool.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows[0].rolsuper;
    expect(superuser).toBe(true);
    await expect(one.pool.query(`UPDATE audit.records SET outcome = 'forged' WHERE seq = 1`)).rejects.toThrow('audit.records is append-only: UPDATE refused');
    await expect(one.pool.query('DELETE FROM audit.records WHERE seq = 1')).rejects.toThrow('audit.records is append-only: DELETE refused');
    await expect(one.pool.query('TRUNCATE audit.records')).rejects.toThrow('audit.records is append-only: TRUNCATE refused');
    expect(await verifyAuditChain(one.pool, [], publicKey)).toMatchObject({ ok: true });
  });

  it('refuses appends once closed, after writing those already made', async () => {
    const third = await anInstance(database!.url);
    const pending = third.log.append(anEntry());
    await third.close();

    expect((await pending).seq).toBeGreaterThan(0);
    await expect(third.log.append(anEntry())).rejects.toThrow('the audit log is closed');
  });
});

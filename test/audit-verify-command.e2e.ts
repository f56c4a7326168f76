import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAudit, type Audit } from '../lib/audit/audit.js';
import { AUDIT_CHECKPOINTS_ROUTE, type PublishedCheckpoints } from '../lib/audit/checkpoint-routes.js';
import { readAuditSigningKey } from '../lib/audit/signing-key.js';
import { openPool, type Pool } from '../lib/postgres/pool.js';
import { scratchDatabaseOrSkip } from '../lib/postgres/scratch-database.js';
import { listen, type RunningServer } from '../lib/service/listen.js';
import { anEntry, tamper } from './support/audit.js';

/**
 * The audit log as a service runs it (`openAudit`: checkpoints every N records and on close, published to a
 * file and at `GET /audit/checkpoints`), and `npm run audit:verify` as an auditor runs it, in a process of its own.
 */
const database = await scratchDatabaseOrSkip('test/audit-verify-command.e2e.ts');
const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const checkpointFile = join(mkdtempSync(join(tmpdir(), 'audit-command-')), 'checkpoints.jsonl');

describe.runIf(database)('npm run audit:verify', () => {
  let pool: Pool;
  let audit: Audit;
  let server: RunningServer;
  let publicKeyPem: string;

  beforeAll(async () => {
    pool = await openPool(database!.url);
    const signingKey = await readAuditSigningKey(pem, false);
    publicKeyPem = signingKey.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    audit = await openAudit(pool, { signingKey, checkpoints: { file: checkpointFile, everyRecords: 10, everySeconds: 3600 } });
    for (let i = 1; i <= 25; i++) await audit.log.append(anEntry({ idempotencyKey: `command-${i}` }));
    await audit.close();
    const app = express();
    audit.routes(app);
    server = await listen(app, { name: 'audit-checkpoints', port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await pool?.end();
    await database?.drop();
  });

  const run = (args: string[] = [], env: NodeJS.ProcessEnv = {}) =>
    npm(['run', '--silent', 'audit:verify', '--', ...args], {
      NODE_ENV: 'production',
      DATABASE_URL: database!.url,
      AUDIT_CHECKPOINT_FILE: checkpointFile,
      AUDIT_PUBLIC_KEY: publicKeyPem,
      ...env,
    });

  it('publishes a checkpoint every 10 records and one on close, in the file and over HTTP', async () => {
    const response = await fetch(`${server.url}${AUDIT_CHECKPOINTS_ROUTE}`);
    const published = (await response.json()) as PublishedCheckpoints;

    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(published).toMatchObject({ algorithm: 'Ed25519', publicKey: publicKeyPem });
    expect(published.checkpoints.map(({ seq, count }) => ({ seq, count }))).toEqual([
      { seq: 10, count: 10 },
      { seq: 20, count: 20 },
      { seq: 25, count: 25 },
    ]);
  });

  it('prints OK for the untouched chain, with the checkpoints of the file or of the HTTP endpoint', async () => {
    expect(await run()).toEqual({ code: 0, output: `OK: 25 records form one chain, consistent with 3 signed checkpoints (${checkpointFile})\n` });
    const url = `${server.url}${AUDIT_CHECKPOINTS_ROUTE}`;
    expect(await run(['--checkpoints', url])).toMatchObject({ code: 0, output: expect.stringContaining(`consistent with 3 signed checkpoints (${url})`) });
  });

  it('cannot check without a reachable PostgreSQL, and says where it looked', async () => {
    const { code, output } = await run([], { DATABASE_URL: 'postgres://postgres:hunter2@127.0.0.1:1/audit' });
    expect(code).toBe(2);
    expect(output).toContain('PostgreSQL at 127.0.0.1:1/audit is unreachable');
    expect(output).not.toContain('hunter2');
  });

  it('names the first bad record and exits 1 once a record was altered', async () => {
    await tamper(pool, `UPDATE audit.records SET principal = 'staff:someone-else' WHERE seq = 13`);
    expect(await run()).toEqual({ code: 1, output: 'FAILED at record 13: record 13 was altered: its content does not match its hash\n' });
  });
});

function npm(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn('npm', args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

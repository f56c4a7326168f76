import type { Pool } from '../postgres/pool.js';
import type { ChainHead } from './append-batch.js';
import { signCheckpoint, type SignedCheckpoint } from './checkpoint.js';
import { appendCheckpoint, readCheckpoints } from './checkpoint-file.js';
import type { AuditSigningKey } from './signing-key.js';

export interface CheckpointSettings {
  file: string;
  /** A checkpoint once this many records were appended since the last one… */
  everyRecords: number;
  /** …or this often, when any were. */
  everySeconds: number;
}

/**
 * Publishes signed checkpoints of the chain outside the database, to `file`. Each process that appends
 * publishes its own; any number of them for the same chain is fine, they all hold or all fail together.
 */
export class Checkpointer {
  private lastSeq = 0;
  /** The newest head a checkpoint was asked for, published or not yet. */
  private requestedSeq = 0;
  private publishing: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly key: AuditSigningKey,
    private readonly settings: CheckpointSettings,
  ) {}

  async start(): Promise<void> {
    this.lastSeq = Math.max(0, ...(await readCheckpoints(this.settings.file)).map((checkpoint) => checkpoint.seq));
    this.requestedSeq = this.lastSeq;
    this.timer = setInterval(() => void this.checkpointNow().catch(reportFailure), this.settings.everySeconds * 1000);
    this.timer.unref();
  }

  /** What the audit log calls after each commit. */
  observe(head: ChainHead): void {
    if (head.seq - this.requestedSeq >= this.settings.everyRecords) void this.publish(head).catch(reportFailure);
  }

  /** A checkpoint of the chain as committed now, unless one of it was published already; undefined then. */
  async checkpointNow(): Promise<SignedCheckpoint | undefined> {
    const { rows } = await this.pool.query<{ seq: string; hash: string }>('SELECT seq, hash FROM audit.chain_head');
    return this.publish({ seq: Number(rows[0]!.seq), hash: rows[0]!.hash });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.publishing.catch(() => {});
  }

  /** One at a time, in seq order: a head older than the last published one is skipped. */
  private publish(head: ChainHead): Promise<SignedCheckpoint | undefined> {
    this.requestedSeq = Math.max(this.requestedSeq, head.seq);
    const published = this.publishing.then(async () => {
      if (head.seq <= this.lastSeq) return undefined;
      const checkpoint = signCheckpoint({ seq: head.seq, rootHash: head.hash, count: head.seq, time: new Date().toISOString() }, this.key.privateKey);
      await appendCheckpoint(this.settings.file, checkpoint);
      this.lastSeq = head.seq;
      return checkpoint;
    });
    this.publishing = published.catch(() => {});
    return published;
  }
}

function reportFailure(error: Error): void {
  console.error(`audit checkpoint not published: ${error.message}`);
}

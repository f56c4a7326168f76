import { positiveInteger, readConfig, text } from '../config.js';
import { DEFAULT_CHECKPOINT_FILE } from './checkpoint-file.js';
import type { CheckpointSettings } from './checkpointer.js';
import { readAuditSigningKey, type AuditSigningKey } from './signing-key.js';

export interface AuditConfig {
  signingKey: AuditSigningKey;
  checkpoints: CheckpointSettings;
}

/**
 * `AUDIT_SIGNING_KEY` (see `signing-key.ts`), `AUDIT_CHECKPOINT_FILE` (`.data/audit-checkpoints.jsonl`),
 * `AUDIT_CHECKPOINT_EVERY_RECORDS` (1,000) and `AUDIT_CHECKPOINT_EVERY_SECONDS` (60).
 */
export async function readAuditConfig(env: NodeJS.ProcessEnv, development: boolean): Promise<AuditConfig> {
  const config = readConfig(
    {
      AUDIT_SIGNING_KEY: text(''),
      AUDIT_CHECKPOINT_FILE: text(DEFAULT_CHECKPOINT_FILE),
      AUDIT_CHECKPOINT_EVERY_RECORDS: positiveInteger(1_000),
      AUDIT_CHECKPOINT_EVERY_SECONDS: positiveInteger(60),
    },
    env,
  );
  return {
    signingKey: await readAuditSigningKey(config.AUDIT_SIGNING_KEY, development),
    checkpoints: {
      file: config.AUDIT_CHECKPOINT_FILE,
      everyRecords: config.AUDIT_CHECKPOINT_EVERY_RECORDS,
      everySeconds: config.AUDIT_CHECKPOINT_EVERY_SECONDS,
    },
  };
}

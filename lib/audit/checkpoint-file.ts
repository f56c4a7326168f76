import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SignedCheckpoint } from './checkpoint.js';

export const DEFAULT_CHECKPOINT_FILE = fileURLToPath(new URL('../../.data/audit-checkpoints.jsonl', import.meta.url));

/** Adds one checkpoint as one line: a single small append, so processes sharing the file never interleave. */
export async function appendCheckpoint(file: string, checkpoint: SignedCheckpoint): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(checkpoint)}\n`);
}

/** Every checkpoint in the file, in the order they were published; none when it does not exist yet. */
export async function readCheckpoints(file: string): Promise<SignedCheckpoint[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => parseCheckpoint(line, `${file}:${i + 1}`));
}

export function parseCheckpoint(line: string, where: string): SignedCheckpoint {
  let value: Partial<SignedCheckpoint>;
  try {
    value = JSON.parse(line);
  } catch {
    throw new Error(`${where} is not JSON`);
  }
  const { seq, rootHash, count, time, signature } = value;
  if (!Number.isInteger(seq) || !Number.isInteger(count) || typeof rootHash !== 'string' || typeof time !== 'string' || typeof signature !== 'string') {
    throw new Error(`${where} is not a checkpoint (seq, rootHash, count, time, signature)`);
  }
  return { seq: seq!, rootHash, count: count!, time, signature };
}

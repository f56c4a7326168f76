import { sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './record.js';

/** What a checkpoint asserts: the log held `count` records, the last being `seq` with hash `rootHash`. */
export interface Checkpoint {
  seq: number;
  rootHash: string;
  count: number;
  time: string;
}

export interface SignedCheckpoint extends Checkpoint {
  /** Ed25519 over the checkpoint's RFC 8785 canonical JSON, base64url. */
  signature: string;
}

export function signCheckpoint(checkpoint: Checkpoint, privateKey: KeyObject): SignedCheckpoint {
  return { ...checkpoint, signature: sign(null, signedBytes(checkpoint), privateKey).toString('base64url') };
}

export function checkpointSignatureValid(checkpoint: SignedCheckpoint, publicKey: KeyObject): boolean {
  const { signature, ...signed } = checkpoint;
  return verify(null, signedBytes(signed), publicKey, Buffer.from(signature, 'base64url'));
}

function signedBytes({ seq, rootHash, count, time }: Checkpoint): Buffer {
  return Buffer.from(canonicalJson({ seq, rootHash, count, time }));
}

import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCheckpoints } from '../lib/audit/checkpoint-file.js';
import { checkpointSignatureValid, signCheckpoint } from '../lib/audit/checkpoint.js';
import { plainJson } from '../lib/audit/plain-json.js';
import { canonicalAround, canonicalJson } from '../lib/audit/record.js';
import { REDACTED, redact } from '../lib/audit/redact.js';
import { readAuditPublicKey, readAuditSigningKey } from '../lib/audit/signing-key.js';
import { traceIdOf } from '../lib/audit/traceparent.js';
import { anEntry } from './support/audit.js';

describe('what an audit record holds', () => {
  it('masks secrets and personal data at any depth, by key, whatever its case and separators', () => {
    const variables = {
      sku: 'SKU-1',
      input: { customer: { email: 'a@b.c', phoneNumber: '+44 1', billing_address: { city: 'Leeds' } }, cardNumber: '4242', quantity: 2 },
      credentials: [{ accessToken: 't', PASSWORD: 'p' }],
    };
    expect(redact(variables)).toEqual({
      sku: 'SKU-1',
      input: { customer: { email: REDACTED, phoneNumber: REDACTED, billing_address: REDACTED }, cardNumber: REDACTED, quantity: 2 },
      credentials: [{ accessToken: REDACTED, PASSWORD: REDACTED }],
    });
    expect(redact({ loyaltyId: 'L1', sku: 'S' }, ['loyalty_id'])).toEqual({ loyaltyId: REDACTED, sku: 'S' });
  });

  it('takes the trace id of a W3C traceparent, and none of a malformed or all-zero one', () => {
    expect(traceIdOf('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(traceIdOf('00-00000000000000000000000000000000-00f067aa0ba902b7-01')).toBeNull();
    expect(traceIdOf('not a traceparent')).toBeNull();
    expect(traceIdOf(undefined)).toBeNull();
  });

  it('is hashed over RFC 8785 canonical JSON (the RFC’s own example)', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('is canonicalized when appended, around the seq and prevHash the chain gives it later', () => {
    const content = { ...anEntry({ reason: 'é 😀 "quoted"', variables: { z: 1, a: [{ y: 2, b: null }] } }), id: 'f'.repeat(36), time: '2026-01-01T00:00:00.000Z' };
    const { before, between, after } = canonicalAround(content);
    expect(`${before}"${'a'.repeat(64)}"${between}42${after}`).toBe(canonicalJson({ ...content, seq: 42, prevHash: 'a'.repeat(64) }));
  });

  it('keeps only plain JSON that PostgreSQL stores and canonicalization accepts', () => {
    expect(plainJson({ a: undefined, b: [undefined, NaN, Infinity], c: new Date(0), ['k\0']: '\uDC00x', f: () => 1 })).toEqual({
      b: [null, null, null],
      c: '1970-01-01T00:00:00.000Z',
      'k\uFFFD': '\uFFFDx',
    });
  });
});

describe('checkpoints', () => {
  const key = generateKeyPairSync('ed25519');
  const checkpoint = { seq: 10, rootHash: 'f'.repeat(64), count: 10, time: '2026-01-01T00:00:00.000Z' };

  it('are signed with Ed25519, and any change breaks the signature', () => {
    const signed = signCheckpoint(checkpoint, key.privateKey);
    expect(checkpointSignatureValid(signed, key.publicKey)).toBe(true);
    expect(checkpointSignatureValid({ ...signed, seq: 11, count: 11 }, key.publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...signed, rootHash: 'e'.repeat(64) }, key.publicKey)).toBe(false);
    expect(checkpointSignatureValid(signed, generateKeyPairSync('ed25519').publicKey)).toBe(false);
  });

  it('are read back from their file, which names a line that is not one', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'checkpoints-')), 'checkpoints.jsonl');
    expect(await readCheckpoints(file)).toEqual([]);
    const signed = signCheckpoint(checkpoint, key.privateKey);
    writeFileSync(file, `${JSON.stringify(signed)}\n`);
    expect(await readCheckpoints(file)).toEqual([signed]);
    writeFileSync(file, `${JSON.stringify(signed)}\n{"seq":"x"}\n`);
    await expect(readCheckpoints(file)).rejects.toThrow(`${file}:2 is not a checkpoint`);
  });
});

describe('the audit signing key', () => {
  it('is read from AUDIT_SIGNING_KEY as an Ed25519 PKCS #8 PEM, and refused otherwise', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const key = await readAuditSigningKey(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), false);
    expect(key.publicKey.equals(publicKey)).toBe(true);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    await expect(readAuditSigningKey(rsa, false)).rejects.toThrow('AUDIT_SIGNING_KEY must be an Ed25519 key, got rsa');
    await expect(readAuditSigningKey('not a key', false)).rejects.toThrow('AUDIT_SIGNING_KEY is not a private key in PEM');
    expect(() => readAuditPublicKey('not a key')).toThrow('AUDIT_PUBLIC_KEY must be an Ed25519 public key');
  });

  it('is required outside development, and generated once in .data/ for development', async () => {
    await expect(readAuditSigningKey(undefined, false)).rejects.toThrow('AUDIT_SIGNING_KEY (an Ed25519 private key, PKCS #8 PEM) is required');
    const [first, second] = await Promise.all([readAuditSigningKey(undefined, true), readAuditSigningKey(undefined, true)]);
    expect(first.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(first.publicKey.equals(second.publicKey)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { createSignatureVerifier, signBody } from '../lib/signing/signed-body.js';

describe('signed deliveries', () => {
  const secret = 'a-signing-secret-for-this-test-0123456789';
  const body = JSON.stringify({ tags: ['Stock:SKU-10001-01'] });

  it('accepts a delivery signed with the secret, once', () => {
    const verifier = createSignatureVerifier(secret);
    const header = signBody(body, secret);
    expect(verifier.verify(body, header)).toEqual({ ok: true });
    expect(verifier.verify(body, header)).toEqual({ ok: false, reason: 'replayed' });
  });

  it('refuses a forged, altered, malformed, missing or old delivery', () => {
    const verifier = createSignatureVerifier(secret);
    expect(verifier.verify(body, signBody(body, 'another-secret-entirely-0123456789'))).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifier.verify(`${body} `, signBody(body, secret))).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifier.verify(body, 'sha256=abc')).toEqual({ ok: false, reason: 'malformed' });
    expect(verifier.verify(body, undefined)).toEqual({ ok: false, reason: 'missing' });
    expect(verifier.verify(body, signBody(body, secret, Date.now() - 600_000))).toEqual({ ok: false, reason: 'too old' });
  });

  it('forgets signatures once they are too old to be accepted anyway', () => {
    let now = 1_000_000_000_000;
    const verifier = createSignatureVerifier(secret, { toleranceMs: 1_000, now: () => now });
    const header = signBody(body, secret, now);
    expect(verifier.verify(body, header)).toEqual({ ok: true });
    now += 5_000;
    expect(verifier.verify(body, header)).toEqual({ ok: false, reason: 'too old' });
  });
});

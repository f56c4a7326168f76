/**
 * Salesforce-style record ids: a 3-character key prefix naming the object (`003` Contact), a
 * 12-character body, and the 3-character case-safe suffix Salesforce appends to make 18-character
 * ids unique even when compared case-insensitively.
 */
export const KEY_PREFIX = { contact: '003', address: 'a0A', paymentMethod: 'a0P', campaign: '701', goodwillCredit: 'a0G', negotiatedDiscount: 'a0N' } as const;

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export function recordId(prefix: string, sequence: number): string {
  const id15 = `${prefix}5g0${String(sequence).padStart(9, '0')}`;
  return id15 + caseSafeSuffix(id15);
}

/** One suffix character per 5-character chunk: a bit per uppercase letter in it. */
function caseSafeSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk += 1) {
    let bits = 0;
    for (let i = 0; i < 5; i += 1) {
      const char = id15.charAt(chunk * 5 + i);
      if (char >= 'A' && char <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

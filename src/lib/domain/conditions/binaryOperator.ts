// The BinaryEquals condition operator: policy and request hold base64 text; the bytes are compared.
// Invariant: comparison is on decoded bytes, so two encodings of the same bytes are equal and
// malformed base64 is a type error. AWS: IAM JSON policy elements: Condition operators, "Binary condition operators".
import type { OperatorFamily } from './comparison';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const sextet = new Map<string, number>(Array.from(alphabet, (ch, i) => [ch, i]));
const shape = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

/** Decodes standard base64 (padding optional); null when the text is not base64. */
export function decodeBase64(text: string): number[] | null {
  if (!shape.test(text)) return null;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of text) {
    if (ch === '=') break;
    buffer = (buffer << 6) | (sextet.get(ch) as number);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

function sameBytes(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const binaryOperator: OperatorFamily = {
  variables: false,
  readsRequest: (request) => decodeBase64(request) !== null,
  typed: {
    readPolicy: decodeBase64,
    readRequest: decodeBase64,
    holds: (_base, want, have) => sameBytes(want as readonly number[], have as readonly number[]),
  },
  compare(_base, policy, request) {
    const want = decodeBase64(policy.value);
    if (want === null) return 'policyTypeError';
    const have = decodeBase64(request);
    if (have === null) return 'requestTypeError';
    return sameBytes(want, have) ? 'match' : 'noMatch';
  },
};

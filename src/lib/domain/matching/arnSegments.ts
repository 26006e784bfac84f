// Splits an ARN (or an ARN pattern) into AWS's six colon-delimited parts, without copying on the hot path.
// Invariant: only the first five colons separate parts; the resource part keeps any further `:` and `/`.
// AWS: IAM identifiers, "IAM ARNs" / Amazon Resource Names (ARNs), "ARN format".

/** partition, service, region, account, resource (the leading 'arn' is checked, not returned). */
export type ArnParts = readonly [string, string, string, string, string];

/** Returns the five parts after `arn:`, or null when the text does not have six parts or does not start with `arn`. */
export function splitArn(text: string): ArnParts | null {
  const c1 = text.indexOf(':');
  if (c1 < 0) return null;
  const c2 = text.indexOf(':', c1 + 1);
  if (c2 < 0) return null;
  const c3 = text.indexOf(':', c2 + 1);
  if (c3 < 0) return null;
  const c4 = text.indexOf(':', c3 + 1);
  if (c4 < 0) return null;
  const c5 = text.indexOf(':', c4 + 1);
  if (c5 < 0) return null;
  return [text.slice(c1 + 1, c2), text.slice(c2 + 1, c3), text.slice(c3 + 1, c4), text.slice(c4 + 1, c5), text.slice(c5 + 1)];
}

/** The first part of an ARN-like text, up to the first colon (for the `arn` prefix check). */
export function arnPrefix(text: string): string {
  const c1 = text.indexOf(':');
  return c1 < 0 ? text : text.slice(0, c1);
}

/**
 * Splits at the first `maxParts - 1` colons: at most `maxParts` parts, the last keeping the remainder.
 * `splitParts('arn:aws:ec2:*', 6)` is 4 parts; `splitParts('arn:aws:s3:::b/k:v', 6)` keeps `b/k:v` whole.
 */
export function splitParts(text: string, maxParts: number): string[] {
  const parts: string[] = [];
  let start = 0;
  while (parts.length < maxParts - 1) {
    const colon = text.indexOf(':', start);
    if (colon < 0) break;
    parts.push(text.slice(start, colon));
    start = colon + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

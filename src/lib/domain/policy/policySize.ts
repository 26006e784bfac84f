// Policy size quotas and how AWS counts characters for each. IAM ignores whitespace outside
// strings; AWS Organizations counts every character of SCPs and RCPs.
// AWS: "IAM and AWS STS quotas" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html),
// "Quotas for AWS Organizations" (orgs_reference_limits), Amazon S3 "Bucket policies" (20 KB).
import type { Json } from './types';

export type PolicySizeLimit = 'managed' | 'userInline' | 'groupInline' | 'roleInline' | 'trust' | 'scp' | 'rcp' | 'bucket';

export interface PolicySizeQuota {
  readonly max: number;
  /** 'nonWhitespace': IAM's count; 'all': every character; 'bytes': UTF-8 bytes of the text. */
  readonly counting: 'nonWhitespace' | 'all' | 'bytes';
  readonly label: string;
}

export const policySizeQuotas: Readonly<Record<PolicySizeLimit, PolicySizeQuota>> = {
  managed: { max: 6144, counting: 'nonWhitespace', label: 'managed policy' },
  // Inline quotas are totals per identity; a single document is checked against the whole budget.
  userInline: { max: 2048, counting: 'nonWhitespace', label: 'user inline policies' },
  groupInline: { max: 5120, counting: 'nonWhitespace', label: 'group inline policies' },
  roleInline: { max: 10240, counting: 'nonWhitespace', label: 'role inline policies' },
  // 2,048 is the default; an account can ask for up to 4,096.
  trust: { max: 2048, counting: 'nonWhitespace', label: 'role trust policy' },
  scp: { max: 5120, counting: 'all', label: 'service control policy' },
  rcp: { max: 5120, counting: 'all', label: 'resource control policy' },
  bucket: { max: 20480, counting: 'bytes', label: 'S3 bucket policy' },
};

/** Characters outside JSON strings that are whitespace are dropped; string contents count as written. */
export function countNonWhitespace(text: string): number {
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      count++;
      if (ch === '\\') {
        count++;
        i++;
      } else if (ch === '"') inString = false;
    } else if (ch === '"') {
      inString = true;
      count++;
    } else if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') count++;
  }
  return count;
}

// TextEncoder is not part of the domain's ES-only lib, so count UTF-8 bytes by code point.
function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

// A document too deep to serialize is refused elsewhere; here it simply has no measurable size.
function serialize(doc: Json): string {
  try {
    return JSON.stringify(doc) ?? '';
  } catch {
    return '';
  }
}

/** Size as AWS counts it. Without the original text, the compact JSON serialization stands in. */
export function measurePolicy(doc: Json, quota: PolicySizeQuota, text?: string): number {
  const source = text ?? serialize(doc);
  switch (quota.counting) {
    case 'nonWhitespace':
      return countNonWhitespace(source);
    case 'all':
      return source.length;
    case 'bytes':
      return utf8Length(source);
  }
}

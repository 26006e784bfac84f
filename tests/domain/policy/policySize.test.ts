// How AWS counts policy size. "IAM and AWS STS quotas": IAM does not count white space;
// Organizations "SCP syntax" / "RCP syntax": all characters count; S3 bucket policies: 20 KB.
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/lib/domain/policy';
import { countNonWhitespace, measurePolicy, policySizeQuotas } from '../../../src/lib/domain/policy';

describe('countNonWhitespace', () => {
  it.each<[string, number]>([
    ['{ "a" : 1 }', 7],
    ['{\n\t"a b": "c d"\r\n}', 13],
    ['"with \\" escaped quote and spaces"', 34],
    ['', 0],
  ])('%j has %i counted characters', (text, count) => {
    expect(countNonWhitespace(text)).toBe(count);
  });
});

describe('measurePolicy', () => {
  const doc: Json = { Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::caf\u00e9' } };
  const pretty = JSON.stringify(doc, null, 2);
  const compact = JSON.stringify(doc);

  it('IAM quotas ignore whitespace outside strings', () => {
    expect(measurePolicy(doc, policySizeQuotas.managed, pretty)).toBe(compact.length);
  });

  it('Organizations quotas count every character', () => {
    expect(measurePolicy(doc, policySizeQuotas.scp, pretty)).toBe(pretty.length);
  });

  it('bucket policies count UTF-8 bytes', () => {
    expect(measurePolicy(doc, policySizeQuotas.bucket, compact)).toBe(compact.length + 1);
  });

  it('without text, the compact serialization stands in', () => {
    expect(measurePolicy(doc, policySizeQuotas.rcp)).toBe(compact.length);
  });

  it('has the documented maxima', () => {
    expect(Object.fromEntries(Object.entries(policySizeQuotas).map(([k, q]) => [k, q.max]))).toEqual({
      managed: 6144,
      userInline: 2048,
      groupInline: 5120,
      roleInline: 10240,
      trust: 2048,
      scp: 5120,
      rcp: 5120,
      bucket: 20480,
    });
  });
});

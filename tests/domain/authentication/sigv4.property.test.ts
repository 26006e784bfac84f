// Properties of SigV4 over generated requests: what one side signs the other side verifies, and
// any change to a signed part of the request breaks the signature ("Create a signed AWS API
// request", IAM User Guide: the service recomputes the signature and compares).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { webCrypto } from '../../../src/lib/domain/authentication/crypto';
import {
  canonicalQueryString,
  canonicalUri,
  signRequest,
  verifySignature,
  type HttpRequest,
  type SecretRecord,
} from '../../../src/lib/domain/authentication/sigv4';

const crypto = webCrypto();
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const lookup = (id: string): SecretRecord | undefined => (id === credentials.accessKeyId ? { secretAccessKey: credentials.secretAccessKey } : undefined);

const token = fc.stringMatching(/^[A-Za-z0-9._~ %/-]{0,12}$/);
const headerName = fc.stringMatching(/^x-lab-[a-z0-9-]{1,8}$/);
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
  path: fc.array(token, { maxLength: 4 }).map((segments) => `/${segments.join('/')}`),
  query: fc.array(fc.tuple(token, token), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')),
  headers: fc.array(fc.record({ name: headerName, value: fc.string({ maxLength: 16 }) }), { maxLength: 3 }),
  body: fc.string({ maxLength: 40 }),
  service: fc.constantFrom('iam', 'sts', 's3', 'dynamodb'),
});

const build = (r: { method: string; path: string; query: string; headers: { name: string; value: string }[]; body: string }): HttpRequest => ({
  method: r.method,
  path: r.path,
  query: r.query,
  headers: [{ name: 'Host', value: 'service.example.amazonaws.com' }, ...r.headers],
  body: r.body,
});

const time = '2026-03-01T10:00:00Z';

describe('SigV4 properties', () => {
  it('every signed request verifies on the receiving side', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const { request: signed } = await signRequest(crypto, build(r), credentials, { region: 'us-east-1', service: r.service, time });
        const verdict = await verifySignature(crypto, signed, lookup, { service: r.service, region: 'us-east-1', now: time });
        expect(verdict.kind).toBe('verified');
      }),
      { numRuns: 60 },
    );
  });

  it('changing the body of a signed request makes the signature fail', async () => {
    await fc.assert(
      fc.asyncProperty(request, fc.string({ minLength: 1, maxLength: 8 }), async (r, extra) => {
        const { request: signed } = await signRequest(crypto, build(r), credentials, { region: 'us-east-1', service: r.service, time });
        const verdict = await verifySignature(crypto, { ...signed, body: signed.body + extra }, lookup, { service: r.service });
        expect(verdict).toMatchObject({ kind: 'rejected', error: { code: 'SignatureDoesNotMatch' } });
      }),
      { numRuns: 40 },
    );
  });

  it('the canonical query string does not depend on parameter order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(token, token), { maxLength: 6 }), (pairs) => {
        const q = (ps: [string, string][]) => ps.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
        expect(canonicalQueryString(q([...pairs].reverse()))).toBe(canonicalQueryString(q(pairs)));
      }),
    );
  });

  it('canonical URIs only hold unreserved characters, slashes and %XX escapes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.constantFrom('s3' as const, 'normalizeAndDoubleEncode' as const), (path, kind) => {
        expect(canonicalUri(path, { kind })).toMatch(/^\/(?:[A-Za-z0-9\-._~/]|%[0-9A-F]{2})*$/);
      }),
    );
  });
});

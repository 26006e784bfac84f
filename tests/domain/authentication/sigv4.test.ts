// SigV4 against AWS's published test suite (fixtures/README.md) and the IAM ListUsers example
// from "Create a signed AWS API request" (IAM User Guide, reference_sigv-create-signed-request),
// plus every error path of the verifier.
import { describe, expect, it } from 'vitest';
import suite from './fixtures/aws-sig-v4-test-suite.json';
import { webCrypto } from '../../../src/lib/domain/authentication/crypto';
import {
  canonicalQueryString,
  canonicalUri,
  deriveSigningKey,
  parseAuthorization,
  pathRuleFor,
  sigV4Steps,
  signRequest,
  toAmzDate,
  uriEncode,
  verifySignature,
  type HttpHeader,
  type HttpRequest,
  type SecretRecord,
} from '../../../src/lib/domain/authentication/sigv4';

const crypto = webCrypto();
const { accessKeyId, secretAccessKey, region, service, time } = suite.context;
const credentials = { accessKeyId, secretAccessKey };

/**
 * Reads a suite `.req` file. The request line may hold spaces (get-space), so the URI is what lies
 * between the first and the last space. A line that starts with white space continues the header
 * above; the suite expects each folded line to count as one more value of that header.
 */
function parseReq(text: string): HttpRequest {
  const blank = text.indexOf('\n\n');
  const head = blank < 0 ? text : text.slice(0, blank);
  const body = blank < 0 ? '' : text.slice(blank + 2);
  const [requestLine = '', ...lines] = head.split('\n');
  const method = requestLine.slice(0, requestLine.indexOf(' '));
  const uri = requestLine.slice(requestLine.indexOf(' ') + 1, requestLine.lastIndexOf(' '));
  const q = uri.indexOf('?');
  const headers: HttpHeader[] = [];
  for (const line of lines) {
    const previous = headers[headers.length - 1];
    if (/^\s/.test(line) && previous) headers.push({ name: previous.name, value: line.trim() });
    else headers.push({ name: line.slice(0, line.indexOf(':')), value: line.slice(line.indexOf(':') + 1) });
  }
  return { method, path: q < 0 ? uri : uri.slice(0, q), query: q < 0 ? '' : uri.slice(q + 1), headers, body };
}

const options = { region, service, time };
const lookup = (id: string): SecretRecord | undefined => (id === accessKeyId ? { secretAccessKey } : undefined);

describe('signRequest reproduces the AWS SigV4 test suite', () => {
  it.each(suite.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { computation } = await signRequest(crypto, parseReq(c.req), credentials, options);
    expect(computation.canonicalRequest).toBe(c.creq);
    expect(computation.stringToSign).toBe(c.sts);
    expect(computation.authorization).toBe(c.authz);
  });

  it.each(suite.unnormalizedCases.map((c) => [c.name, c] as const))(
    '%s: the S3 path rule signs the path without normalizing it',
    async (_name, c) => {
      const request = parseReq(c.req);
      const { computation } = await signRequest(crypto, request, credentials, { ...options, pathRule: { kind: 's3' } });
      expect(computation.authorization).toBe(c.authz);
      const sent = { ...request, headers: [...request.headers, { name: 'Authorization', value: c.authz }] };
      const verdict = await verifySignature(crypto, sent, lookup, { service, pathRule: { kind: 's3' } });
      expect(verdict.kind).toBe('verified');
    },
  );

  it.each(suite.cases.map((c) => [c.name, c] as const))('%s verifies on the receiving side', async (_name, c) => {
    const request = parseReq(c.req);
    const sent = { ...request, headers: [...request.headers, { name: 'Authorization', value: c.authz }] };
    // post-sts-header-before carries a session token, so its key must be a temporary one.
    const sessionToken = request.headers.find((h) => h.name === 'X-Amz-Security-Token')?.value;
    const keys = (id: string): SecretRecord | undefined =>
      id === accessKeyId ? (sessionToken ? { secretAccessKey, sessionToken } : { secretAccessKey }) : undefined;
    const verdict = await verifySignature(crypto, sent, keys, { service, region, now: time });
    expect(verdict.kind).toBe('verified');
  });
});

describe('the IAM ListUsers example from the AWS documentation', () => {
  const request: HttpRequest = {
    method: 'GET',
    path: '/',
    query: 'Action=ListUsers&Version=2010-05-08',
    headers: [
      { name: 'Host', value: 'iam.amazonaws.com' },
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded; charset=utf-8' },
    ],
    body: '',
  };

  it('hashes the canonical request, derives the key and signs as documented', async () => {
    const { computation, request: signed } = await signRequest(crypto, request, credentials, {
      region: 'us-east-1',
      service: 'iam',
      time,
    });
    expect(computation.canonicalRequest).toBe(
      [
        'GET',
        '/',
        'Action=ListUsers&Version=2010-05-08',
        'content-type:application/x-www-form-urlencoded; charset=utf-8',
        'host:iam.amazonaws.com',
        'x-amz-date:20150830T123600Z',
        '',
        'content-type;host;x-amz-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
    expect(computation.hashedCanonicalRequest).toBe('f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59');
    expect(computation.credentialScope).toBe('20150830/us-east-1/iam/aws4_request');
    expect(computation.signingKeys.kSigning).toBe('c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9');
    expect(computation.signature).toBe('5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
    expect(signed.headers).toContainEqual({ name: 'X-Amz-Date', value: '20150830T123600Z' });
    expect(signed.headers).toContainEqual({ name: 'Authorization', value: computation.authorization });
  });

  it('flattens the computation into trace steps with parents, without the secret', async () => {
    const { computation } = await signRequest(crypto, request, credentials, { region: 'us-east-1', service: 'iam', time });
    const steps = sigV4Steps(computation, 'req1.sigv4');
    expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
    expect(steps.find((s) => s.kind === 'sigv4.signature')?.value).toBe(computation.signature);
    expect(steps.filter((s) => s.parentId === 'req1.sigv4.signingKey').map((s) => s.kind)).toEqual([
      'sigv4.kDate',
      'sigv4.kRegion',
      'sigv4.kService',
      'sigv4.kSigning',
    ]);
    expect(steps.every((s) => s.parentId === undefined || steps.some((p) => p.id === s.parentId))).toBe(true);
    expect(JSON.stringify(steps)).not.toContain(secretAccessKey);
  });

  it('exposes each HMAC step of the key derivation as hex', async () => {
    const { hex } = await deriveSigningKey(crypto, secretAccessKey, '20150830', 'us-east-1', 'iam');
    expect(Object.values(hex).every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    expect(new Set(Object.values(hex)).size).toBe(4);
    expect(hex.kSigning).toBe('c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9');
  });
});

describe('canonical pieces', () => {
  it.each([
    ['abc-._~XYZ019', 'abc-._~XYZ019'],
    ['a b', 'a%20b'],
    ['a/b', 'a%2Fb'],
    ['a+b*c', 'a%2Bb%2Ac'],
    ['ሴ', '%E1%88%B4'],
    ['é', '%C3%A9'],
    ['%', '%25'],
  ])('uriEncode(%j) = %j', (input, expected) => {
    expect(uriEncode(input)).toBe(expected);
  });

  it.each([
    // Other services normalize and encode what is on the wire again (double encoding).
    ['/a%20b', 'normalizeAndDoubleEncode', '/a%2520b'],
    ['/documents and settings/', 'normalizeAndDoubleEncode', '/documents%20and%20settings/'],
    ['/a/b/..', 'normalizeAndDoubleEncode', '/a/'],
    ['/a/./b', 'normalizeAndDoubleEncode', '/a/b'],
    ['', 'normalizeAndDoubleEncode', '/'],
    // S3 encodes the key once: an escape already on the wire stays one escape.
    ['/my-bucket/a%20b', 's3', '/my-bucket/a%20b'],
    ['/my-bucket/a b', 's3', '/my-bucket/a%20b'],
    ['/my-bucket/a//b/../c', 's3', '/my-bucket/a//b/../c'],
    ['/my-bucket/photo.jpg', 's3', '/my-bucket/photo.jpg'],
  ] as const)('canonicalUri(%j) with the %s rule = %j', (path, kind, expected) => {
    expect(canonicalUri(path, { kind })).toBe(expected);
  });

  it.each([
    ['', ''],
    ['b=2&a=1', 'a=1&b=2'],
    ['a=2&a=1', 'a=1&a=2'],
    ['flag', 'flag='],
    ['prefix=a%2Fb&x=a b', 'prefix=a%2Fb&x=a%20b'],
    ['Z=1&a=1', 'Z=1&a=1'],
    ['k=%E1%88%B4', 'k=%E1%88%B4'],
  ])('canonicalQueryString(%j) = %j', (query, expected) => {
    expect(canonicalQueryString(query)).toBe(expected);
  });

  it.each([
    ['s3', 's3'],
    ['iam', 'normalizeAndDoubleEncode'],
    ['sts', 'normalizeAndDoubleEncode'],
  ])('the %s service uses the %s path rule', (svc, kind) => {
    expect(pathRuleFor(svc).kind).toBe(kind);
  });

  it.each([
    ['2015-08-30T12:36:00Z', '20150830T123600Z'],
    ['2015-08-30T12:36:00.999Z', '20150830T123600Z'],
    ['2015-08-30T14:36:00+02:00', '20150830T123600Z'],
    ['not a date', undefined],
  ])('toAmzDate(%j) = %j', (iso, expected) => {
    expect(toAmzDate(iso)).toBe(expected);
  });

  it('re-signing replaces an old Authorization header instead of adding a second one', async () => {
    const first = await signRequest(crypto, parseReq(suite.cases[6]!.req), credentials, options);
    const again = await signRequest(crypto, first.request, credentials, options);
    expect(again.request.headers.filter((h) => h.name === 'Authorization')).toHaveLength(1);
    expect(again.computation.signature).toBe(first.computation.signature);
  });
});

describe('verifySignature error paths', () => {
  const base: HttpRequest = {
    method: 'GET',
    path: '/',
    query: 'Action=ListUsers&Version=2010-05-08',
    headers: [{ name: 'Host', value: 'iam.amazonaws.com' }],
    body: '',
  };
  const iam = { region: 'us-east-1', service: 'iam', time };
  const withAuth = (value: string, extra: HttpHeader[] = [{ name: 'X-Amz-Date', value: '20150830T123600Z' }]): HttpRequest => ({
    ...base,
    headers: [...base.headers, ...extra, { name: 'Authorization', value }],
  });
  const signed = async (creds = credentials, opts = iam) => (await signRequest(crypto, base, creds, opts)).request;
  const SIGNATURE_MISMATCH =
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.';
  const INVALID_TOKEN = 'The security token included in the request is invalid.';

  it('an unsigned request is refused by query APIs and anonymous for S3', async () => {
    const forIam = await verifySignature(crypto, base, lookup, { service: 'iam' });
    expect(forIam).toMatchObject({ kind: 'unsigned', error: { code: 'MissingAuthenticationToken', httpStatus: 403 } });
    const forS3 = await verifySignature(crypto, base, lookup, { service: 's3' });
    expect(forS3).toMatchObject({ kind: 'unsigned', error: { code: 'AccessDenied' } });
  });

  it.each([
    [
      'a SigV2 header',
      'AWS AKIDEXAMPLE:qaNdqGsI6bq4Hi+9Gzovwyjbh0E=',
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS AKIDEXAMPLE:qaNdqGsI6bq4Hi+9Gzovwyjbh0E=",
    ],
    [
      'a missing Signature',
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date',
      "Authorization header requires 'Signature' parameter. Authorization=AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date",
    ],
    [
      'a space inside the credential',
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE /20150830/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
      "'/20150830/us-east-1/iam/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE /20150830/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=00'.",
    ],
    [
      'a four-part credential',
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIDEXAMPLE/20150830/us-east-1/aws4_request'",
    ],
    [
      'a wrong terminator',
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws3_request, SignedHeaders=host;x-amz-date, Signature=00',
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws3_request'.",
    ],
  ])('%s is an IncompleteSignature', async (_what, header, message) => {
    const verdict = await verifySignature(crypto, withAuth(header), lookup, { service: 'iam' });
    expect(verdict).toMatchObject({
      kind: 'rejected',
      failedCheck: 'authorizationHeader',
      error: { code: 'IncompleteSignature', message, httpStatus: 400 },
    });
  });

  it('a request with no date header is an IncompleteSignature that says so', async () => {
    const header = (await signed()).headers.find((h) => h.name === 'Authorization')!.value;
    const verdict = await verifySignature(crypto, withAuth(header, []), lookup, { service: 'iam' });
    expect(verdict.kind).toBe('rejected');
    if (verdict.kind !== 'rejected') return;
    expect(verdict.error.code).toBe('IncompleteSignature');
    expect(verdict.error.message).toContain("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  });

  it('S3 calls a malformed header AuthorizationHeaderMalformed', async () => {
    const verdict = await verifySignature(crypto, withAuth('AWS4-HMAC-SHA256 Credential=x'), lookup, { service: 's3' });
    expect(verdict).toMatchObject({ kind: 'rejected', error: { code: 'AuthorizationHeaderMalformed', httpStatus: 400 } });
  });

  it('an unknown access key id is InvalidClientTokenId, and never reaches the signature', async () => {
    const request = await signed({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey });
    const verdict = await verifySignature(crypto, request, lookup, { service: 'iam' });
    expect(verdict).toMatchObject({
      kind: 'rejected',
      failedCheck: 'accessKey',
      error: { code: 'InvalidClientTokenId', message: INVALID_TOKEN, httpStatus: 403 },
    });
    if (verdict.kind === 'rejected') expect(verdict.computation).toBeUndefined();
  });

  it('S3 calls an unknown key InvalidAccessKeyId', async () => {
    const request = await signed({ accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey }, { ...iam, service: 's3' });
    const verdict = await verifySignature(crypto, request, lookup, { service: 's3' });
    expect(verdict).toMatchObject({
      error: { code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' },
    });
  });

  it('an inactive key is refused like an unknown one', async () => {
    const verdict = await verifySignature(crypto, await signed(), () => ({ secretAccessKey, active: false }), { service: 'iam' });
    expect(verdict).toMatchObject({ failedCheck: 'accessKey', error: { code: 'InvalidClientTokenId', message: INVALID_TOKEN } });
  });

  it('a wrong secret is SignatureDoesNotMatch, with both computations available to the trace', async () => {
    const request = await signed({ accessKeyId, secretAccessKey: 'not-the-secret' });
    const verdict = await verifySignature(crypto, request, lookup, { service: 'iam' });
    expect(verdict).toMatchObject({
      kind: 'rejected',
      failedCheck: 'signature',
      error: { code: 'SignatureDoesNotMatch', message: SIGNATURE_MISMATCH, httpStatus: 403 },
    });
    if (verdict.kind !== 'rejected') return;
    expect(verdict.computation?.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(verdict.computation?.signature).not.toBe(verdict.authorization?.signature);
  });

  it.each([
    ['the body', (r: HttpRequest): HttpRequest => ({ ...r, body: 'tampered' })],
    ['the query', (r: HttpRequest): HttpRequest => ({ ...r, query: 'Action=DeleteUser&Version=2010-05-08' })],
    ['the method', (r: HttpRequest): HttpRequest => ({ ...r, method: 'POST' })],
    ['a signed header', (r: HttpRequest): HttpRequest => ({ ...r, headers: r.headers.map((h) => (h.name === 'Host' ? { ...h, value: 'evil.example' } : h)) })],
  ])('changing %s after signing breaks the signature', async (_what, tamper) => {
    const verdict = await verifySignature(crypto, tamper(await signed()), lookup, { service: 'iam' });
    expect(verdict).toMatchObject({ error: { code: 'SignatureDoesNotMatch', message: SIGNATURE_MISMATCH } });
  });

  it('S3 words a signature mismatch its own way', async () => {
    const request = await signed({ accessKeyId, secretAccessKey: 'wrong' }, { ...iam, service: 's3' });
    const verdict = await verifySignature(crypto, request, lookup, { service: 's3' });
    expect(verdict).toMatchObject({
      error: {
        code: 'SignatureDoesNotMatch',
        message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      },
    });
  });

  it.each([
    ['a service other than the receiver', { service: 'sts' }, "Credential should be scoped to correct service: 'sts'."],
    ['a region other than the receiver', { service: 'iam', region: 'eu-west-1' }, 'Credential should be scoped to a valid region.'],
  ])('a scope naming %s is SignatureDoesNotMatch', async (_what, opts, message) => {
    const verdict = await verifySignature(crypto, await signed(), lookup, opts);
    expect(verdict).toMatchObject({ failedCheck: 'credentialScope', error: { code: 'SignatureDoesNotMatch', message } });
  });

  it('a scope date that is not the request date is SignatureDoesNotMatch', async () => {
    const header = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150831/us-east-1/iam/aws4_request, SignedHeaders=host;x-amz-date, Signature=00';
    const verdict = await verifySignature(crypto, withAuth(header), lookup, { service: 'iam' });
    expect(verdict).toMatchObject({
      failedCheck: 'credentialScope',
      error: {
        code: 'SignatureDoesNotMatch',
        message:
          "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150831' != '20150830', from '20150830T123600Z'.",
      },
    });
  });

  it.each([
    ['2015-08-30T12:51:00Z', 'verified', undefined],
    ['2015-08-30T12:21:00Z', 'verified', undefined],
    [
      '2015-08-30T13:06:00Z',
      'rejected',
      'Signature expired: 20150830T123600Z is now earlier than 20150830T125100Z (20150830T130600Z - 15 min.)',
    ],
    [
      '2015-08-30T12:00:00Z',
      'rejected',
      'Signature not yet current: 20150830T123600Z is still later than 20150830T121500Z (20150830T120000Z + 15 min.)',
    ],
  ])('a service clock at %s gives %s', async (now, kind, message) => {
    const verdict = await verifySignature(crypto, await signed(), lookup, { service: 'iam', now });
    expect(verdict.kind).toBe(kind);
    if (verdict.kind === 'rejected') {
      expect(verdict.failedCheck).toBe('requestTime');
      expect(verdict.error).toEqual({ code: 'SignatureDoesNotMatch', message, httpStatus: 403 });
    }
  });

  it('S3 reports clock skew as RequestTimeTooSkewed', async () => {
    const request = await signed(credentials, { ...iam, service: 's3' });
    const verdict = await verifySignature(crypto, request, lookup, { service: 's3', now: '2015-08-31T00:00:00Z' });
    expect(verdict).toMatchObject({ error: { code: 'RequestTimeTooSkewed', httpStatus: 403 } });
  });

  describe('temporary credentials', () => {
    const token = 'FQoGZXIvYXdzEXAMPLETOKEN';
    const temporary = { accessKeyId: 'ASIAEXAMPLEEXAMPLE12', secretAccessKey, sessionToken: token };
    const sts = (id: string): SecretRecord | undefined =>
      id === temporary.accessKeyId ? { secretAccessKey, sessionToken: token, expiresAt: '2015-08-30T13:00:00Z' } : undefined;

    it('signs the session token and verifies while it is fresh', async () => {
      const { request, computation } = await signRequest(crypto, base, temporary, iam);
      expect(computation.signedHeaders).toBe('host;x-amz-date;x-amz-security-token');
      const verdict = await verifySignature(crypto, request, sts, { service: 'iam', now: '2015-08-30T12:40:00Z' });
      expect(verdict).toMatchObject({ kind: 'verified', temporary: true, accessKeyId: temporary.accessKeyId });
    });

    it.each([
      ['left out', (r: HttpRequest) => ({ ...r, headers: r.headers.filter((h) => h.name !== 'X-Amz-Security-Token') })],
      ['altered', (r: HttpRequest) => ({ ...r, headers: r.headers.map((h) => (h.name === 'X-Amz-Security-Token' ? { ...h, value: 'forged' } : h)) })],
    ])('a session token %s is InvalidClientTokenId', async (_what, change) => {
      const { request } = await signRequest(crypto, base, temporary, iam);
      const verdict = await verifySignature(crypto, change(request), sts, { service: 'iam' });
      expect(verdict).toMatchObject({ failedCheck: 'sessionToken', error: { code: 'InvalidClientTokenId', message: INVALID_TOKEN } });
    });

    it('a token on a long-term key is InvalidClientTokenId', async () => {
      const { request } = await signRequest(crypto, base, { ...credentials, sessionToken: token }, iam);
      const verdict = await verifySignature(crypto, request, lookup, { service: 'iam' });
      expect(verdict).toMatchObject({ failedCheck: 'sessionToken', error: { code: 'InvalidClientTokenId' } });
    });

    it('an expired session is ExpiredToken', async () => {
      const { request } = await signRequest(crypto, base, temporary, { ...iam, time: '2015-08-30T13:05:00Z' });
      const verdict = await verifySignature(crypto, request, sts, { service: 'iam', now: '2015-08-30T13:05:00Z' });
      expect(verdict).toMatchObject({
        failedCheck: 'sessionToken',
        error: { code: 'ExpiredToken', message: 'The security token included in the request is expired' },
      });
    });
  });

  it('lists the checks it ran, in order, for the trace', async () => {
    const verdict = await verifySignature(crypto, await signed(), lookup, { service: 'iam', now: time });
    expect(verdict.checks.map((c) => `${c.check}:${c.outcome}`)).toEqual([
      'authorizationHeader:pass',
      'credentialScope:pass',
      'accessKey:pass',
      'requestTime:pass',
      'signature:pass',
    ]);
  });

  it('parseAuthorization splits a well-formed header', () => {
    expect(parseAuthorization(suite.cases[6]!.authz, true)).toEqual({
      kind: 'parsed',
      value: {
        algorithm: 'AWS4-HMAC-SHA256',
        accessKeyId: 'AKIDEXAMPLE',
        dateStamp: '20150830',
        region: 'us-east-1',
        service: 'service',
        signedHeaders: 'host;x-amz-date',
        signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
      },
    });
  });
});

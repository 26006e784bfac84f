// Signature Version 4: canonical request, string to sign, signing key and signature, for both the
// caller that signs and the service that verifies. Invariant: every intermediate is returned as
// plain data (hex strings, never keys or classes) so the trace can show each step of the recipe.
// Implements "Create a signed AWS API request" and "Elements of an AWS API request signature",
// AWS IAM User Guide: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
import type { CryptoPort } from './crypto';
import { constantTimeEqual, decodeUtf8, toHex, utf8 } from './crypto';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** One header line; order and duplicates are kept because duplicates are joined in order. */
export interface HttpHeader {
  readonly name: string;
  readonly value: string;
}

/** An HTTP request as plain data. */
export interface HttpRequest {
  readonly method: string;
  /** The path exactly as on the request line, before `?` (may already hold %XX escapes). */
  readonly path: string;
  /** The query string as sent, without the leading `?`; '' when there is none. */
  readonly query: string;
  readonly headers: readonly HttpHeader[];
  /** The body as text (hashed as UTF-8). */
  readonly body: string;
}

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Present for temporary (ASIA…) credentials; sent as X-Amz-Security-Token. */
  readonly sessionToken?: string;
}

export interface SignOptions {
  readonly region: string;
  readonly service: string;
  /** ISO 8601 instant of signing, e.g. 2015-08-30T12:36:00Z. */
  readonly time: string;
  /** Lower-case names to sign; by default every header on the request. */
  readonly signedHeaders?: readonly string[];
  /** Overrides the path rule implied by `service` (the test suite signs "service" the S3 way). */
  readonly pathRule?: PathRule;
}

/** The hex form of the four HMAC steps, from the secret to the signing key. */
export interface SigningKeys {
  readonly kDate: string;
  readonly kRegion: string;
  readonly kService: string;
  readonly kSigning: string;
}

/** Every intermediate of a SigV4 computation, for the trace. */
export interface SigV4Computation {
  readonly pathRule: PathRule;
  readonly canonicalUri: string;
  readonly canonicalQueryString: string;
  /** One `name:value` line per signed header, each ending in a newline. */
  readonly canonicalHeaders: string;
  readonly signedHeaders: string;
  readonly hashedPayload: string;
  readonly canonicalRequest: string;
  readonly hashedCanonicalRequest: string;
  readonly amzDate: string;
  readonly credentialScope: string;
  readonly stringToSign: string;
  readonly signingKeys: SigningKeys;
  readonly signature: string;
  readonly authorization: string;
}

export interface SignedRequest {
  /** The request with X-Amz-Date, X-Amz-Security-Token (when temporary) and Authorization set. */
  readonly request: HttpRequest;
  readonly computation: SigV4Computation;
}

/**
 * How the canonical URI is formed. S3 signs the object key as it is (one encoding, no dot-segment
 * or slash clean-up, since `a//b` and `a/../b` are legal keys); every other service normalizes
 * the path and encodes it again, so a `%20` already on the wire is signed as `%2520`.
 * Source: "Create a canonical request", CanonicalURI (IAM User Guide, reference_sigv-create-signed-request).
 */
export type PathRule = { readonly kind: 's3' } | { readonly kind: 'normalizeAndDoubleEncode' };

export function pathRuleFor(service: string): PathRule {
  return service === 's3' ? { kind: 's3' } : { kind: 'normalizeAndDoubleEncode' };
}

// ---------------------------------------------------------------------------------------------
// Canonical request pieces

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** RFC 3986 encoding as SigV4 defines it: unreserved characters stay, every other byte is %XX (upper-case). */
export function uriEncode(text: string): string {
  let out = '';
  for (const ch of text) {
    if (UNRESERVED.test(ch)) out += ch;
    else for (const b of utf8(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Undoes %XX escapes when they spell valid UTF-8; otherwise keeps the text as it came. */
function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; ) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 3;
    } else {
      const cp = text.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      bytes.push(...utf8(ch));
      i += ch.length;
    }
  }
  return decodeUtf8(Uint8Array.from(bytes)) ?? text;
}

/** RFC 3986 §5.2.4 dot-segment removal plus collapsing of empty segments. */
function normalizeSegments(path: string): string[] {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out;
}

export function canonicalUri(path: string, rule: PathRule): string {
  const absolute = path.startsWith('/') ? path : `/${path}`;
  if (rule.kind === 's3') {
    return absolute.split('/').map((segment) => uriEncode(percentDecode(segment))).join('/');
  }
  const segments = normalizeSegments(absolute);
  if (segments.length === 0) return '/';
  // RFC 3986: a path that ends in '/', '/.' or '/..' still names a directory.
  const trailing = /\/\.{0,2}$/.test(absolute) ? '/' : '';
  return `/${segments.map(uriEncode).join('/')}${trailing}`;
}

/** Code-unit order, which equals byte order here because encoded names are ASCII. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Each parameter is decoded then encoded the SigV4 way, and the pairs are sorted by name, then
 * by value. A key with no `=` signs as `key=`.
 */
export function canonicalQueryString(query: string): string {
  if (query === '') return '';
  const pairs = query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      const value = eq < 0 ? '' : part.slice(eq + 1);
      return [uriEncode(percentDecode(name)), uriEncode(percentDecode(value))] as const;
    });
  pairs.sort((a, b) => byCodeUnit(a[0], b[0]) || byCodeUnit(a[1], b[1]));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

/** Trims a header value and squeezes every run of spaces to one (quotes get no exception). */
function canonicalHeaderValue(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

function headerValues(headers: readonly HttpHeader[], lowerName: string): string[] {
  return headers.filter((h) => h.name.toLowerCase() === lowerName).map((h) => h.value);
}

export function headerValue(headers: readonly HttpHeader[], name: string): string | undefined {
  return headerValues(headers, name.toLowerCase())[0];
}

/** Sorted, de-duplicated, lower-case names joined by `;`. */
export function signedHeadersList(names: readonly string[]): string {
  return [...new Set(names.map((n) => n.toLowerCase().trim()))].sort(byCodeUnit).join(';');
}

export function canonicalHeaders(headers: readonly HttpHeader[], signedHeaders: string): string {
  return signedHeaders
    .split(';')
    .filter((n) => n !== '')
    .map((name) => `${name}:${headerValues(headers, name).map(canonicalHeaderValue).join(',')}\n`)
    .join('');
}

export interface CanonicalRequestParts {
  readonly canonicalUri: string;
  readonly canonicalQueryString: string;
  readonly canonicalHeaders: string;
  readonly signedHeaders: string;
  readonly hashedPayload: string;
  readonly canonicalRequest: string;
}

/**
 * The payload hash is the hex SHA-256 of the body, unless the request carries
 * x-amz-content-sha256 (S3's way to say the hash, or UNSIGNED-PAYLOAD).
 */
export async function buildCanonicalRequest(
  crypto: CryptoPort,
  request: HttpRequest,
  signedHeaders: string,
  rule: PathRule,
): Promise<CanonicalRequestParts> {
  const uri = canonicalUri(request.path, rule);
  const query = canonicalQueryString(request.query);
  const headersBlock = canonicalHeaders(request.headers, signedHeaders);
  const declared = headerValue(request.headers, 'x-amz-content-sha256');
  const hashedPayload = declared?.trim() || toHex(await crypto.sha256(utf8(request.body)));
  const canonicalRequest = [request.method.toUpperCase(), uri, query, headersBlock, signedHeaders, hashedPayload].join('\n');
  return {
    canonicalUri: uri,
    canonicalQueryString: query,
    canonicalHeaders: headersBlock,
    signedHeaders,
    hashedPayload,
    canonicalRequest,
  };
}

// ---------------------------------------------------------------------------------------------
// Dates, scope, string to sign, keys

/** ISO 8601 instant → the basic format SigV4 uses (YYYYMMDD'T'HHMMSS'Z'); undefined if unparsable. */
export function toAmzDate(isoTime: string): string | undefined {
  const ms = Date.parse(isoTime);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The basic format back to milliseconds since the epoch. */
export function amzDateToMillis(amzDate: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

export function credentialScope(dateStamp: string, region: string, service: string): string {
  return `${dateStamp}/${region}/${service}/aws4_request`;
}

export function buildStringToSign(amzDate: string, scope: string, hashedCanonicalRequest: string): string {
  return [SIGV4_ALGORITHM, amzDate, scope, hashedCanonicalRequest].join('\n');
}

/** kDate = HMAC("AWS4" + secret, date), then region, service and "aws4_request" in turn. */
export async function deriveSigningKey(
  crypto: CryptoPort,
  secretAccessKey: string,
  dateStamp: string,
  region: string,
  service: string,
): Promise<{ readonly key: Uint8Array; readonly hex: SigningKeys }> {
  const kDate = await crypto.hmacSha256(utf8(`AWS4${secretAccessKey}`), utf8(dateStamp));
  const kRegion = await crypto.hmacSha256(kDate, utf8(region));
  const kService = await crypto.hmacSha256(kRegion, utf8(service));
  const kSigning = await crypto.hmacSha256(kService, utf8('aws4_request'));
  return {
    key: kSigning,
    hex: { kDate: toHex(kDate), kRegion: toHex(kRegion), kService: toHex(kService), kSigning: toHex(kSigning) },
  };
}

export function authorizationHeader(accessKeyId: string, scope: string, signedHeaders: string, signature: string): string {
  return `${SIGV4_ALGORITHM} Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

interface ComputeInput {
  readonly request: HttpRequest;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly amzDate: string;
  readonly dateStamp: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: string;
  readonly rule: PathRule;
}

async function compute(crypto: CryptoPort, input: ComputeInput): Promise<SigV4Computation> {
  const parts = await buildCanonicalRequest(crypto, input.request, input.signedHeaders, input.rule);
  const hashedCanonicalRequest = toHex(await crypto.sha256(utf8(parts.canonicalRequest)));
  const scope = credentialScope(input.dateStamp, input.region, input.service);
  const stringToSign = buildStringToSign(input.amzDate, scope, hashedCanonicalRequest);
  const keys = await deriveSigningKey(crypto, input.secretAccessKey, input.dateStamp, input.region, input.service);
  const signature = toHex(await crypto.hmacSha256(keys.key, utf8(stringToSign)));
  return {
    pathRule: input.rule,
    ...parts,
    hashedCanonicalRequest,
    amzDate: input.amzDate,
    credentialScope: scope,
    stringToSign,
    signingKeys: keys.hex,
    signature,
    authorization: authorizationHeader(input.accessKeyId, scope, parts.signedHeaders, signature),
  };
}

function withHeader(headers: readonly HttpHeader[], name: string, value: string): HttpHeader[] {
  const lower = name.toLowerCase();
  return [...headers.filter((h) => h.name.toLowerCase() !== lower), { name, value }];
}

/** One line of the SigV4 recipe for the trace; the UI turns `kind` into words. */
export interface SigV4Step {
  readonly id: string;
  readonly parentId?: string;
  readonly kind:
    | 'sigv4.canonicalRequest'
    | 'sigv4.canonicalUri'
    | 'sigv4.canonicalQueryString'
    | 'sigv4.canonicalHeaders'
    | 'sigv4.signedHeaders'
    | 'sigv4.hashedPayload'
    | 'sigv4.hashedCanonicalRequest'
    | 'sigv4.credentialScope'
    | 'sigv4.stringToSign'
    | 'sigv4.signingKey'
    | 'sigv4.kDate'
    | 'sigv4.kRegion'
    | 'sigv4.kService'
    | 'sigv4.kSigning'
    | 'sigv4.signature'
    | 'sigv4.authorization';
  readonly value: string;
}

/**
 * Flattens a computation into ordered steps with ids and parent ids (the parts of the canonical
 * request and the four key-derivation HMACs nest under their step). The secret never appears:
 * the first step already shows HMAC output.
 */
export function sigV4Steps(c: SigV4Computation, idPrefix = 'sigv4'): SigV4Step[] {
  const id = (n: string) => `${idPrefix}.${n}`;
  const creq = id('canonicalRequest');
  const key = id('signingKey');
  return [
    { id: creq, kind: 'sigv4.canonicalRequest', value: c.canonicalRequest },
    { id: id('canonicalUri'), parentId: creq, kind: 'sigv4.canonicalUri', value: c.canonicalUri },
    { id: id('canonicalQueryString'), parentId: creq, kind: 'sigv4.canonicalQueryString', value: c.canonicalQueryString },
    { id: id('canonicalHeaders'), parentId: creq, kind: 'sigv4.canonicalHeaders', value: c.canonicalHeaders },
    { id: id('signedHeaders'), parentId: creq, kind: 'sigv4.signedHeaders', value: c.signedHeaders },
    { id: id('hashedPayload'), parentId: creq, kind: 'sigv4.hashedPayload', value: c.hashedPayload },
    { id: id('hashedCanonicalRequest'), kind: 'sigv4.hashedCanonicalRequest', value: c.hashedCanonicalRequest },
    { id: id('credentialScope'), kind: 'sigv4.credentialScope', value: c.credentialScope },
    { id: id('stringToSign'), kind: 'sigv4.stringToSign', value: c.stringToSign },
    { id: key, kind: 'sigv4.signingKey', value: c.signingKeys.kSigning },
    { id: id('kDate'), parentId: key, kind: 'sigv4.kDate', value: c.signingKeys.kDate },
    { id: id('kRegion'), parentId: key, kind: 'sigv4.kRegion', value: c.signingKeys.kRegion },
    { id: id('kService'), parentId: key, kind: 'sigv4.kService', value: c.signingKeys.kService },
    { id: id('kSigning'), parentId: key, kind: 'sigv4.kSigning', value: c.signingKeys.kSigning },
    { id: id('signature'), kind: 'sigv4.signature', value: c.signature },
    { id: id('authorization'), kind: 'sigv4.authorization', value: c.authorization },
  ];
}

// ---------------------------------------------------------------------------------------------
// Signing (the caller's side)

/**
 * Signs a request: sets X-Amz-Date from `options.time`, adds X-Amz-Security-Token for temporary
 * credentials (signed, as STS requires), then adds the Authorization header.
 */
export async function signRequest(
  crypto: CryptoPort,
  request: HttpRequest,
  credentials: AwsCredentials,
  options: SignOptions,
): Promise<SignedRequest> {
  const amzDate = toAmzDate(options.time);
  if (!amzDate) throw new Error(`Not an ISO 8601 time: ${options.time}`);
  let headers = withHeader(
    request.headers.filter((h) => h.name.toLowerCase() !== 'authorization'),
    'X-Amz-Date',
    amzDate,
  );
  if (credentials.sessionToken) headers = withHeader(headers, 'X-Amz-Security-Token', credentials.sessionToken);
  const prepared: HttpRequest = { ...request, headers };
  const signedHeaders = signedHeadersList(options.signedHeaders ?? headers.map((h) => h.name));
  const computation = await compute(crypto, {
    request: prepared,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    amzDate,
    dateStamp: amzDate.slice(0, 8),
    region: options.region,
    service: options.service,
    signedHeaders,
    rule: options.pathRule ?? pathRuleFor(options.service),
  });
  return {
    request: { ...prepared, headers: [...headers, { name: 'Authorization', value: computation.authorization }] },
    computation,
  };
}

// ---------------------------------------------------------------------------------------------
// Verification (the service's side)

/** AWS's error codes for a request that fails authentication. */
export type AuthErrorCode =
  | 'MissingAuthenticationToken'
  | 'IncompleteSignature'
  | 'InvalidClientTokenId'
  | 'SignatureDoesNotMatch'
  | 'ExpiredToken'
  // S3 speaks its own dialect for the same failures.
  | 'AccessDenied'
  | 'AuthorizationHeaderMalformed'
  | 'InvalidAccessKeyId'
  | 'InvalidToken'
  | 'RequestTimeTooSkewed';

export interface AuthError {
  readonly code: AuthErrorCode;
  readonly message: string;
  readonly httpStatus: 400 | 403;
}

/** What the service knows about an access key id. */
export interface SecretRecord {
  readonly secretAccessKey: string;
  /** For temporary credentials: the request must carry exactly this X-Amz-Security-Token. */
  readonly sessionToken?: string;
  /** Inactive keys are refused as if unknown. Default true. */
  readonly active?: boolean;
  /** ISO 8601 expiry of temporary credentials. */
  readonly expiresAt?: string;
}

export type SecretLookup = (accessKeyId: string) => SecretRecord | undefined;

export interface VerifyOptions {
  /** The service receiving the request; picks the path rule and the error dialect. */
  readonly service: string;
  /** When given, the credential scope must name this region. */
  readonly region?: string;
  /** The service's clock (ISO 8601). When given, requests more than 15 minutes off are refused. */
  readonly now?: string;
  /** Overrides the path rule implied by `service`. */
  readonly pathRule?: PathRule;
}

/** The checks the verifier runs, in order; the trace names the one that failed. */
export type SigV4Check =
  | 'authorizationHeader'
  | 'credentialScope'
  | 'accessKey'
  | 'sessionToken'
  | 'requestTime'
  | 'signature';

export interface SigV4CheckResult {
  readonly check: SigV4Check;
  readonly outcome: 'pass' | 'fail';
  /** Short machine-friendly fact for the trace (the UI words it). */
  readonly detail?: string;
}

export interface ParsedAuthorization {
  readonly algorithm: string;
  readonly accessKeyId: string;
  readonly dateStamp: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: string;
  readonly signature: string;
}

export type SigV4Verification =
  | {
      readonly kind: 'verified';
      readonly accessKeyId: string;
      readonly temporary: boolean;
      readonly authorization: ParsedAuthorization;
      readonly computation: SigV4Computation;
      readonly checks: readonly SigV4CheckResult[];
    }
  | {
      /** No Authorization header: anonymous for S3, refused elsewhere with `error`. */
      readonly kind: 'unsigned';
      readonly error: AuthError;
      readonly checks: readonly SigV4CheckResult[];
    }
  | {
      readonly kind: 'rejected';
      readonly error: AuthError;
      readonly failedCheck: SigV4Check;
      readonly authorization?: ParsedAuthorization;
      /** Present when the signature was recomputed (so the trace can show both). */
      readonly computation?: SigV4Computation;
      readonly checks: readonly SigV4CheckResult[];
    };

const SKEW_MS = 15 * 60 * 1000;

/** Error wording per dialect. Query-API services (IAM, STS, …) share one, S3 has its own. */
function errorFor(
  dialect: 's3' | 'query',
  failure:
    | { kind: 'unsigned' }
    | { kind: 'malformed'; message: string }
    | { kind: 'unknownKey' }
    | { kind: 'badToken' }
    | { kind: 'expiredToken' }
    | { kind: 'skew'; message: string }
    | { kind: 'scope'; message: string }
    | { kind: 'mismatch' },
): AuthError {
  switch (failure.kind) {
    case 'unsigned':
      return dialect === 's3'
        ? { code: 'AccessDenied', message: 'Access Denied', httpStatus: 403 }
        : { code: 'MissingAuthenticationToken', message: 'Request is missing Authentication Token', httpStatus: 403 };
    case 'malformed':
      return dialect === 's3'
        ? { code: 'AuthorizationHeaderMalformed', message: `The authorization header is malformed; ${failure.message}`, httpStatus: 400 }
        : { code: 'IncompleteSignature', message: failure.message, httpStatus: 400 };
    case 'unknownKey':
      return dialect === 's3'
        ? { code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.', httpStatus: 403 }
        : { code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', httpStatus: 403 };
    case 'badToken':
      return dialect === 's3'
        ? { code: 'InvalidToken', message: 'The provided token is malformed or otherwise invalid.', httpStatus: 400 }
        : { code: 'InvalidClientTokenId', message: 'The security token included in the request is invalid.', httpStatus: 403 };
    case 'expiredToken':
      return dialect === 's3'
        ? { code: 'ExpiredToken', message: 'The provided token has expired.', httpStatus: 400 }
        : { code: 'ExpiredToken', message: 'The security token included in the request is expired', httpStatus: 403 };
    case 'skew':
      return dialect === 's3'
        ? { code: 'RequestTimeTooSkewed', message: 'The difference between the request time and the current time is too large.', httpStatus: 403 }
        : { code: 'SignatureDoesNotMatch', message: failure.message, httpStatus: 403 };
    case 'scope':
      return { code: 'SignatureDoesNotMatch', message: failure.message, httpStatus: 403 };
    case 'mismatch':
      return dialect === 's3'
        ? {
            code: 'SignatureDoesNotMatch',
            message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
            httpStatus: 403,
          }
        : {
            code: 'SignatureDoesNotMatch',
            message:
              'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
            httpStatus: 403,
          };
  }
}

export type AuthorizationParse =
  | { readonly kind: 'parsed'; readonly value: ParsedAuthorization }
  | { readonly kind: 'malformed'; readonly message: string };

/**
 * Parses `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`. The messages follow the
 * ones AWS query APIs return for IncompleteSignature.
 */
export function parseAuthorization(header: string, hasDateHeader: boolean): AuthorizationParse {
  const trimmed = header.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  const rest = space < 0 ? '' : trimmed.slice(space + 1);
  const params = new Map<string, string>();
  // AWS splits on commas and white space alike, so a stray space inside a value surfaces as a
  // token without '=' (a classic: an access key id pasted with a trailing space).
  for (const part of rest.split(/[\s,]+/)) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      if (algorithm !== SIGV4_ALGORITHM) continue;
      return {
        kind: 'malformed',
        message: `'${part}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`,
      };
    }
    params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing: string[] = [];
  for (const name of ['Credential', 'Signature', 'SignedHeaders']) {
    if (!params.has(name)) missing.push(`Authorization header requires '${name}' parameter.`);
  }
  if (!hasDateHeader) missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (missing.length > 0) return { kind: 'malformed', message: `${missing.join(' ')} Authorization=${header}` };
  if (algorithm !== SIGV4_ALGORITHM) {
    return { kind: 'malformed', message: `Unsupported AWS 'algorithm': '${algorithm}'. Only ${SIGV4_ALGORITHM} is accepted.` };
  }
  const credential = params.get('Credential') ?? '';
  const scope = credential.split('/');
  if (scope.length !== 5) {
    return {
      kind: 'malformed',
      message: `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
    };
  }
  const [accessKeyId, dateStamp, region, service, terminator] = scope as [string, string, string, string, string];
  if (terminator !== 'aws4_request') {
    return { kind: 'malformed', message: `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.` };
  }
  return {
    kind: 'parsed',
    value: {
      algorithm,
      accessKeyId,
      dateStamp,
      region,
      service,
      signedHeaders: params.get('SignedHeaders') ?? '',
      signature: params.get('Signature') ?? '',
    },
  };
}

/** The request's own time: X-Amz-Date, else the HTTP Date header. */
function requestAmzDate(headers: readonly HttpHeader[]): string | undefined {
  const amz = headerValue(headers, 'x-amz-date');
  if (amz !== undefined) return amz.trim();
  const date = headerValue(headers, 'date');
  return date === undefined ? undefined : toAmzDate(date);
}

/**
 * The receiving side: recomputes the signature from the request and the secret it looks up,
 * and answers with AWS's error when anything is off. Checks run from the cheapest to the
 * costliest: the header's shape, the credential scope, the key, the session token, the clock,
 * and only then the HMAC chain. AWS does not document its own order; this one makes each
 * lesson's failure land on the check it is about.
 * Source: "Troubleshoot Signature Version 4 signing for AWS API requests" (IAM User Guide,
 * reference_sigv-troubleshooting).
 */
export async function verifySignature(
  crypto: CryptoPort,
  request: HttpRequest,
  lookup: SecretLookup,
  options: VerifyOptions,
): Promise<SigV4Verification> {
  const dialect = options.service === 's3' ? 's3' : 'query';
  const checks: SigV4CheckResult[] = [];
  const reject = (
    failedCheck: SigV4Check,
    error: AuthError,
    detail: string,
    extra: { authorization?: ParsedAuthorization; computation?: SigV4Computation } = {},
  ): SigV4Verification => {
    checks.push({ check: failedCheck, outcome: 'fail', detail });
    return { kind: 'rejected', error, failedCheck, checks, ...extra };
  };

  const header = headerValue(request.headers, 'authorization');
  if (header === undefined) {
    checks.push({ check: 'authorizationHeader', outcome: 'fail', detail: 'absent' });
    return { kind: 'unsigned', error: errorFor(dialect, { kind: 'unsigned' }), checks };
  }
  const amzDate = requestAmzDate(request.headers);
  const parsed = parseAuthorization(header, amzDate !== undefined);
  if (parsed.kind === 'malformed') {
    return reject('authorizationHeader', errorFor(dialect, { kind: 'malformed', message: parsed.message }), 'malformed');
  }
  const auth = parsed.value;
  const requestMillis = amzDate === undefined ? undefined : amzDateToMillis(amzDate);
  if (amzDate === undefined || requestMillis === undefined) {
    const message = `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`;
    return reject('authorizationHeader', errorFor(dialect, { kind: 'malformed', message }), 'badDate', { authorization: auth });
  }
  checks.push({ check: 'authorizationHeader', outcome: 'pass' });

  if (auth.dateStamp !== amzDate.slice(0, 8)) {
    const message = `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.dateStamp}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`;
    return reject('credentialScope', errorFor(dialect, { kind: 'scope', message }), 'date', { authorization: auth });
  }
  if (auth.service !== options.service) {
    const message = `Credential should be scoped to correct service: '${options.service}'.`;
    return reject('credentialScope', errorFor(dialect, { kind: 'scope', message }), 'service', { authorization: auth });
  }
  if (options.region !== undefined && auth.region !== options.region) {
    const message = 'Credential should be scoped to a valid region.';
    return reject('credentialScope', errorFor(dialect, { kind: 'scope', message }), 'region', { authorization: auth });
  }
  checks.push({ check: 'credentialScope', outcome: 'pass' });

  const record = lookup(auth.accessKeyId);
  if (!record || record.active === false) {
    return reject('accessKey', errorFor(dialect, { kind: 'unknownKey' }), record ? 'inactive' : 'unknown', { authorization: auth });
  }
  checks.push({ check: 'accessKey', outcome: 'pass' });

  const sentToken = headerValue(request.headers, 'x-amz-security-token');
  if (record.sessionToken !== undefined || sentToken !== undefined) {
    if (record.sessionToken === undefined || sentToken === undefined || !constantTimeEqual(sentToken.trim(), record.sessionToken)) {
      return reject('sessionToken', errorFor(dialect, { kind: 'badToken' }), sentToken === undefined ? 'missing' : 'mismatch', {
        authorization: auth,
      });
    }
    if (record.expiresAt !== undefined && options.now !== undefined && Date.parse(options.now) >= Date.parse(record.expiresAt)) {
      return reject('sessionToken', errorFor(dialect, { kind: 'expiredToken' }), 'expired', { authorization: auth });
    }
    checks.push({ check: 'sessionToken', outcome: 'pass' });
  }

  if (options.now !== undefined) {
    const nowMs = Date.parse(options.now);
    const nowAmz = toAmzDate(options.now);
    if (!Number.isNaN(nowMs) && nowAmz !== undefined) {
      if (requestMillis < nowMs - SKEW_MS) {
        const bound = toAmzDate(new Date(nowMs - SKEW_MS).toISOString());
        const message = `Signature expired: ${amzDate} is now earlier than ${bound} (${nowAmz} - 15 min.)`;
        return reject('requestTime', errorFor(dialect, { kind: 'skew', message }), 'tooOld', { authorization: auth });
      }
      if (requestMillis > nowMs + SKEW_MS) {
        const bound = toAmzDate(new Date(nowMs + SKEW_MS).toISOString());
        const message = `Signature not yet current: ${amzDate} is still later than ${bound} (${nowAmz} + 15 min.)`;
        return reject('requestTime', errorFor(dialect, { kind: 'skew', message }), 'tooNew', { authorization: auth });
      }
      checks.push({ check: 'requestTime', outcome: 'pass' });
    }
  }

  const computation = await compute(crypto, {
    request,
    accessKeyId: auth.accessKeyId,
    secretAccessKey: record.secretAccessKey,
    amzDate,
    dateStamp: auth.dateStamp,
    region: auth.region,
    service: auth.service,
    signedHeaders: auth.signedHeaders,
    rule: options.pathRule ?? pathRuleFor(options.service),
  });
  if (!constantTimeEqual(computation.signature, auth.signature.toLowerCase())) {
    return reject('signature', errorFor(dialect, { kind: 'mismatch' }), 'mismatch', { authorization: auth, computation });
  }
  checks.push({ check: 'signature', outcome: 'pass' });
  return {
    kind: 'verified',
    accessKeyId: auth.accessKeyId,
    temporary: record.sessionToken !== undefined,
    authorization: auth,
    computation,
    checks,
  };
}

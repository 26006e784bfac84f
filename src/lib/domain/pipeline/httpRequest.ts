// Turns an ApiRequest into the HTTP request a CLI/SDK would send, so SigV4 signs and verifies real bytes.
// Invariant: the same ApiRequest always yields the same HTTP request (the receiving side rebuilds it).
// AWS: IAM User Guide "Elements of an AWS API request signature"; Query API (IAM, STS, EC2),
// JSON API with X-Amz-Target (DynamoDB, KMS) and S3's REST paths.
import type { HttpRequest } from '../authentication/sigv4';
import type { Json } from '../policy/types';
import { defaultRegion } from '../world/arns';
import type { ApiRequest } from './types';

/** Services with a single global endpoint sign with us-east-1. */
const globalServices = new Set(['iam', 'sts', 'account', 'supportplans', 'cloudfront', 'signin']);

const apiVersions: Readonly<Record<string, string>> = { iam: '2010-05-08', sts: '2011-06-15', ec2: '2016-11-15' };
const jsonTargets: Readonly<Record<string, string>> = { dynamodb: 'DynamoDB_20120810', kms: 'TrentService' };

export function serviceOf(operation: string): string {
  return operation.split(':')[0] ?? '';
}

export function signingRegion(request: ApiRequest): string {
  return globalServices.has(serviceOf(request.operation)) ? defaultRegion : (request.region ?? defaultRegion);
}

function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function flatten(prefix: string, value: Json, out: [string, string][]): void {
  if (value === null) return;
  if (Array.isArray(value)) {
    value.forEach((v, i) => flatten(`${prefix}.member.${i + 1}`, v, out));
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(`${prefix}.${k}`, v, out);
  } else {
    out.push([prefix, String(value)]);
  }
}

/** The HTTP request for `request`, before signing (no Authorization, no X-Amz-Date). */
export function toHttpRequest(request: ApiRequest): HttpRequest {
  const service = serviceOf(request.operation);
  const action = request.operation.split(':')[1] ?? '';
  const region = signingRegion(request);
  const globalHost = service === 'iam' || service === 'sts' ? `${service}.amazonaws.com` : `${service}.${region}.amazonaws.com`;
  if (service === 's3') {
    const bucket = typeof request.params.Bucket === 'string' ? request.params.Bucket : '';
    const key = typeof request.params.Key === 'string' ? request.params.Key : '';
    const rest = Object.entries(request.params).filter(([k]) => k !== 'Bucket' && k !== 'Key' && k !== 'Body');
    const body = typeof request.params.Body === 'string' ? request.params.Body : '';
    return {
      method: /^(Put|Create)/.test(action) ? 'PUT' : /^Delete/.test(action) ? 'DELETE' : 'GET',
      path: `/${bucket}${key ? `/${key.split('/').map(formEncode).join('/')}` : ''}`,
      query: [`x-id=${action}`, ...rest.map(([k, v]) => `${formEncode(k)}=${formEncode(typeof v === 'string' ? v : JSON.stringify(v))}`)].join('&'),
      headers: [
        { name: 'Host', value: `s3.${region}.amazonaws.com` },
        { name: 'X-Amz-Content-Sha256', value: 'UNSIGNED-PAYLOAD' },
      ],
      body,
    };
  }
  const target = jsonTargets[service];
  if (target) {
    return {
      method: 'POST',
      path: '/',
      query: '',
      headers: [
        { name: 'Content-Type', value: 'application/x-amz-json-1.0' },
        { name: 'Host', value: globalHost },
        { name: 'X-Amz-Target', value: `${target}.${action}` },
      ],
      body: JSON.stringify(request.params),
    };
  }
  const pairs: [string, string][] = [['Action', action]];
  const version = apiVersions[service];
  if (version) pairs.push(['Version', version]);
  for (const [k, v] of Object.entries(request.params)) {
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && /Document|Policy$/.test(k)) pairs.push([k, JSON.stringify(v)]);
    else flatten(k, v, pairs);
  }
  return {
    method: 'POST',
    path: '/',
    query: '',
    headers: [
      { name: 'Content-Type', value: 'application/x-www-form-urlencoded; charset=utf-8' },
      { name: 'Host', value: globalHost },
    ],
    body: pairs.map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&'),
  };
}

// Catalog diagnostics, one table row per rule (AWS: Access Analyzer policy check reference,
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html).
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogDiagnostics, servicesNamedIn } from '../../../src/lib/domain/catalog';
import type { Catalog } from '../../../src/lib/domain/catalog';
import type { Json } from '../../../src/lib/domain/policy';
import { loadedCatalog } from './nodeCatalog';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadedCatalog('s3', 'iam', 'ec2', 'sts', 'dynamodb');
});

const doc = (statement: Json): Json => ({ Version: '2012-10-17', Statement: [statement] });
const allow = (extra: Record<string, Json>): Json => doc({ Effect: 'Allow', ...extra });

describe('catalogDiagnostics', () => {
  it.each<[string, Json, string, string]>([
    ['unknown service', allow({ Action: 's4:GetObject', Resource: '*' }), 'catalog.service.unknown', '/Statement/0/Action'],
    ['unknown action', allow({ Action: ['s3:GetObjects'], Resource: '*' }), 'catalog.action.unknown', '/Statement/0/Action/0'],
    ['wildcard that matches nothing', allow({ Action: 's3:Fetch*', Resource: '*' }), 'catalog.action.noMatch', '/Statement/0/Action'],
    [
      'object action on a bucket ARN',
      allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports' }),
      'catalog.resource.notApplicable',
      '/Statement/0/Resource',
    ],
    [
      'bucket action on an object ARN',
      allow({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:::reports/*' }),
      'catalog.resource.notApplicable',
      '/Statement/0/Resource',
    ],
    [
      'action of another service than the resource',
      allow({ Action: 'dynamodb:GetItem', Resource: 'arn:aws:s3:::reports/*' }),
      'catalog.resource.notApplicable',
      '/Statement/0/Resource',
    ],
    [
      'action without resource-level permissions',
      allow({ Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::reports' }),
      'catalog.resource.starOnly',
      '/Statement/0/Action',
    ],
    [
      'condition key the action does not set',
      allow({ Action: 's3:GetObject', Resource: 'arn:aws:s3:::r/*', Condition: { StringLike: { 's3:prefix': 'home/' } } }),
      'catalog.condition.keyNotSupported',
      '/Statement/0/Condition/StringLike/s3:prefix',
    ],
    [
      'condition key AWS does not define',
      allow({ Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresnt': 'true' } } }),
      'catalog.condition.keyUnknown',
      '/Statement/0/Condition/Bool/aws:MultiFactorAuthPresnt',
    ],
    [
      'string operator on an IP address key',
      allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:SourceIp': '203.0.113.0/24' } } }),
      'catalog.condition.operatorType',
      '/Statement/0/Condition/StringEquals/aws:SourceIp',
    ],
    [
      'numeric operator on a Boolean key',
      allow({ Action: 's3:GetObject', Resource: '*', Condition: { NumericEquals: { 'aws:SecureTransport': '1' } } }),
      'catalog.condition.operatorType',
      '/Statement/0/Condition/NumericEquals/aws:SecureTransport',
    ],
    [
      'date operator on a service string key',
      allow({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:::r', Condition: { DateEquals: { 's3:prefix': '2020-01-01' } } }),
      'catalog.condition.operatorType',
      '/Statement/0/Condition/DateEquals/s3:prefix',
    ],
  ])('warns about a %s', (_name, policy, code, path) => {
    const found = catalogDiagnostics(policy, catalog);
    expect(found.map((d) => [d.code, d.path])).toContainEqual([code, path]);
    expect(found.every((d) => d.severity === 'warning' && d.message.length > 0 && !d.message.includes('{'))).toBe(true);
  });

  it.each<[string, Json]>([
    ['read-only bucket policy', allow({ Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::reports' })],
    ['object actions on objects', allow({ Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::reports/*' })],
    ['mixed statement where each action has its resource', allow({ Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::r', 'arn:aws:s3:::r/*'] })],
    ['star-only action with *', allow({ Action: 's3:ListAllMyBuckets', Resource: '*' })],
    ['wildcards that match', allow({ Action: ['s3:Get*', 'iam:*', '*'], Resource: '*' })],
    ['a role ARN with a path', allow({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app/web' })],
    ['s3:prefix with ListBucket', allow({ Action: 's3:ListBucket', Resource: 'arn:aws:s3:::r', Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/*'] } } })],
    ['Bool on MFA', allow({ Action: 's3:GetObject', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })],
    ['IpAddress on SourceIp', allow({ Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })],
    ['Null on any key', allow({ Action: 's3:GetObject', Resource: '*', Condition: { Null: { 'aws:SourceIp': 'true' } } })],
    ['tag keys by template', allow({ Action: 'ec2:StartInstances', Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/team': '${aws:PrincipalTag/team}' } } })],
    ['ARN key with a string operator', allow({ Action: 's3:GetObject', Resource: '*', Condition: { StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/x' } } })],
    ['EpochTime with a numeric operator', allow({ Action: 's3:GetObject', Resource: '*', Condition: { NumericLessThan: { 'aws:EpochTime': '1700000000' } } })],
    ['a service not loaded yet', allow({ Action: 'lambda:InvokeFunction', Resource: 'arn:aws:s3:::x' })],
    ['not a policy at all', 'hello'],
  ])('stays quiet for %s', (_name, policy) => {
    expect(catalogDiagnostics(policy, catalog)).toEqual([]);
  });

  it('names the services a document uses, including condition-key services', () => {
    const policy = doc({ Effect: 'Allow', Action: ['s3:Get*', 'IAM:PassRole', '*', 'ec*:Run*'], Resource: '*', Condition: { StringEquals: { 'kms:ViaService': 'x', 'aws:SourceVpc': 'v' } } });
    expect(servicesNamedIn(policy).sort()).toEqual(['iam', 'kms', 's3']);
  });
});

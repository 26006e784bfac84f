// Normalization: every list an array, condition values as strings, principals as blocks.
// AWS: "IAM JSON policy elements: Condition" (booleans and numbers are compared as text) and
// "AWS JSON policy elements: Principal" ("*" means everyone, including anonymous callers).
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/lib/domain/policy';
import { normalizePolicy } from '../../../src/lib/domain/policy';

describe('normalizePolicy', () => {
  it('turns a single statement object into statement 0 at /Statement with array fields', () => {
    const policy = normalizePolicy({
      Version: '2012-10-17',
      Id: 'p1',
      Statement: { Sid: 'One', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    });
    expect(policy).toEqual({
      version: '2012-10-17',
      id: 'p1',
      statements: [
        { index: 0, path: '/Statement', sid: 'One', effect: 'Allow', action: ['s3:GetObject'], resource: ['arn:aws:s3:::b/*'], conditions: [] },
      ],
    });
  });

  it('keeps statement indexes and paths of an array, and the Not* variants', () => {
    const policy = normalizePolicy({
      Statement: [
        { Effect: 'Allow', Action: ['ec2:*'], Resource: '*' },
        { Effect: 'Deny', NotAction: 'iam:*', NotResource: ['arn:aws:iam::111122223333:user/a'] },
      ],
    });
    expect(policy.version).toBeNull();
    expect(policy.statements.map((s) => [s.index, s.path, s.effect])).toEqual([
      [0, '/Statement/0', 'Allow'],
      [1, '/Statement/1', 'Deny'],
    ]);
    expect(policy.statements[1]).toMatchObject({ notAction: ['iam:*'], notResource: ['arn:aws:iam::111122223333:user/a'] });
    expect(policy.statements[1]).not.toHaveProperty('action');
    expect(policy.statements[0]).not.toHaveProperty('sid');
  });

  it.each<[string, Json, object]>([
    ['"*" is anyone', '*', { anyone: true, aws: [], service: [], federated: [], canonicalUser: [] }],
    ['{"AWS":"*"} keeps the raw "*"', { AWS: '*' }, { anyone: false, aws: ['*'], service: [], federated: [], canonicalUser: [] }],
    [
      'every type becomes a list',
      { AWS: ['111122223333', 'arn:aws:iam::111122223333:role/R'], Service: 'ec2.amazonaws.com', Federated: 'accounts.google.com', CanonicalUser: 'c'.repeat(64) },
      { anyone: false, aws: ['111122223333', 'arn:aws:iam::111122223333:role/R'], service: ['ec2.amazonaws.com'], federated: ['accounts.google.com'], canonicalUser: ['c'.repeat(64)] },
    ],
  ])('Principal: %s', (_name, principal, expected) => {
    const [statement] = normalizePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: principal, Action: '*', Resource: '*' } }).statements;
    expect(statement?.principal).toEqual(expected);
    const [denied] = normalizePolicy({ Statement: { Effect: 'Deny', NotPrincipal: principal, Action: '*', Resource: '*' } }).statements;
    expect(denied?.notPrincipal).toEqual(expected);
    expect(denied).not.toHaveProperty('principal');
  });

  it('flattens conditions into clauses with stringified values and JSON pointers', () => {
    const [statement] = normalizePolicy({
      Statement: [
        {
          Effect: 'Allow',
          Action: '*',
          Resource: '*',
          Condition: {
            Bool: { 'aws:SecureTransport': true },
            NumericLessThan: { 's3:max-keys': [10, 20.5] },
            'ForAnyValue:StringLike': { 'aws:TagKeys': ['team-*'], 'aws:RequestTag/a~b': 'x' },
          },
        },
      ],
    }).statements;
    expect(statement?.conditions).toEqual([
      { operator: 'Bool', key: 'aws:SecureTransport', values: ['true'], path: '/Statement/0/Condition/Bool/aws:SecureTransport' },
      { operator: 'NumericLessThan', key: 's3:max-keys', values: ['10', '20.5'], path: '/Statement/0/Condition/NumericLessThan/s3:max-keys' },
      { operator: 'ForAnyValue:StringLike', key: 'aws:TagKeys', values: ['team-*'], path: '/Statement/0/Condition/ForAnyValue:StringLike/aws:TagKeys' },
      { operator: 'ForAnyValue:StringLike', key: 'aws:RequestTag/a~b', values: ['x'], path: '/Statement/0/Condition/ForAnyValue:StringLike/aws:RequestTag~1a~0b' },
    ]);
  });

  it('produces plain, structured-cloneable data', () => {
    const policy = normalizePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: '*', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': false } } } });
    expect(structuredClone(policy)).toEqual(policy);
    expect(JSON.parse(JSON.stringify(policy))).toEqual(policy);
  });
});

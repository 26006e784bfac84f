// The request builder's data: operations grouped by service with their CRUD kind, parameters read from
// ARNs, templates filled from a chosen resource, and context fields turned into AWS global condition keys.
// AWS: IAM User Guide "AWS global condition context keys" (aws:RequestTag/tag-key, aws:TagKeys, aws:CurrentTime).
import { describe, expect, it } from 'vitest';
import { crudTable } from '../../../src/lib/domain/operations/operationTable';
import { contextOverrides, emptyContext } from '../../../src/lib/ui/request/contextOverrides';
import { fillParams, labResources, operationGroups, paramTemplate, paramsFromArn } from '../../../src/lib/ui/request/requestCatalog';
import { makeLab } from '../console/labFixture';

describe('operationGroups', () => {
  it('groups every operation under its service exactly once', () => {
    const groups = operationGroups('');
    const names = groups.flatMap((g) => g.operations.map((o) => o.name));
    expect(names.sort()).toEqual(Object.keys(crudTable).sort());
    for (const g of groups) for (const o of g.operations) expect(o.name.startsWith(`${g.service}:`)).toBe(true);
  });

  it.each([
    ['getobject', ['s3:GetObject']],
    ['CreateUser', ['iam:CreateUser']],
    ['  ASSUMEROLEWITH ', ['sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML']],
  ])('finds %j case-insensitively', (query, expected) => {
    expect(operationGroups(query).flatMap((g) => g.operations.map((o) => o.name))).toEqual(expected);
  });

  it('carries the CRUD kind of the operation table', () => {
    const s3 = operationGroups('s3:').find((g) => g.service === 's3');
    expect(s3?.operations.find((o) => o.name === 's3:DeleteObject')?.crud).toBe('Delete');
    expect(s3?.operations.find((o) => o.name === 's3:ListBuckets')?.crud).toBe('List');
  });
});

describe('paramsFromArn', () => {
  it.each([
    ['arn:aws:s3:::bucket', { Bucket: 'bucket' }],
    ['arn:aws:s3:::bucket/reports/q1.csv', { Bucket: 'bucket', Key: 'reports/q1.csv' }],
    ['arn:aws:iam::111122223333:user/division/dave', { UserName: 'dave' }],
    ['arn:aws:iam::111122223333:role/App', { RoleName: 'App', RoleArn: 'arn:aws:iam::111122223333:role/App' }],
    ['arn:aws:iam::111122223333:policy/P', { PolicyArn: 'arn:aws:iam::111122223333:policy/P' }],
    ['arn:aws:dynamodb:us-east-1:111122223333:table/Orders', { TableName: 'Orders' }],
    ['arn:aws:ec2:us-east-1:111122223333:instance/i-0abc', { InstanceIds: ['i-0abc'] }],
    ['not an arn', {}],
  ])('%s → %j', (arn, params) => {
    expect(paramsFromArn(arn)).toEqual(params);
  });
});

describe('fillParams', () => {
  it('fills only the parameters the operation takes', () => {
    expect(fillParams(paramTemplate('s3:GetObject'), { Bucket: 'b', Key: 'k', UserName: 'x' })).toEqual({ Bucket: 'b', Key: 'k' });
    expect(paramTemplate('iam:ListUsers')).toEqual({});
  });

  it('offers every object of the default lab with its bucket and key', async () => {
    const lab = await makeLab();
    const object = labResources(lab.world).find((r) => r.arn === 'arn:aws:s3:::example-corp-app-data/config/app.json');
    expect(object?.params).toEqual({ Bucket: 'example-corp-app-data', Key: 'config/app.json' });
  });
});

describe('contextOverrides', () => {
  it('adds nothing for empty fields', () => {
    expect(contextOverrides(emptyContext)).toEqual({});
  });

  it('turns filled fields into global condition keys', () => {
    expect(
      contextOverrides({ mfa: 'true', mfaAge: ' 300 ', requestTags: 'team=blue\n env = prod \nnonsense\n=x', currentTime: '2026-03-01T09:00:00Z' }),
    ).toEqual({
      'aws:MultiFactorAuthPresent': 'true',
      'aws:MultiFactorAuthAge': '300',
      'aws:RequestTag/team': 'blue',
      'aws:RequestTag/env': 'prod',
      'aws:TagKeys': ['team', 'env'],
      'aws:CurrentTime': '2026-03-01T09:00:00Z',
      'aws:EpochTime': String(Date.parse('2026-03-01T09:00:00Z') / 1000),
    });
  });
});

describe('paramTemplate without a written template', () => {
  it.each([
    ['iam:DeleteLoginProfile', { UserName: '' }],
    ['iam:TagRole', { RoleName: '' }],
    ['iam:DetachGroupPolicy', { GroupName: '', PolicyArn: '' }],
    ['iam:DeleteRolePolicy', { RoleName: '', PolicyName: '' }],
    ['iam:ListPolicyVersions', { PolicyArn: '' }],
    ['iam:DeletePolicy', { PolicyArn: '' }],
    ['iam:SetDefaultPolicyVersion', { PolicyArn: '' }],
    ['iam:ListAttachedUserPolicies', { UserName: '' }],
    ['s3:GetPublicAccessBlock', { Bucket: '' }],
    ['dynamodb:Query', { TableName: '' }],
    ['kms:ScheduleKeyDeletion', { KeyId: '' }],
    ['ec2:CreateTags', { InstanceIds: [] }],
    ['iam:ListUsers', {}],
    ['sts:GetCallerIdentity', {}],
  ])('%s → %j', (operation, expected) => {
    expect(paramTemplate(operation)).toEqual(expected);
  });
});

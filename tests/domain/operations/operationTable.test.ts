// The one table of operations and their CRUD kinds; every operation name is 'service:Operation'.
// AWS: Service Authorization Reference, access levels (List, Read, Write, Permissions management, Tagging).
import { describe, expect, it } from 'vitest';
import { crudTable, operationNames, operations } from '../../../src/lib/domain/operations/operationTable';

describe('operation table', () => {
  it('names are unique and well-formed, and every one has a CRUD kind', () => {
    expect(new Set(operationNames).size).toBe(operationNames.length);
    for (const name of operationNames) {
      expect(name).toMatch(/^[a-z0-9-]+:[A-Z][A-Za-z0-9]+$/);
      expect(['Create', 'Read', 'Update', 'Delete', 'List']).toContain(crudTable[name]);
      expect(operations[name]?.name).toBe(name);
    }
  });

  it.each([
    ['iam:CreateUser', 'Create'],
    ['iam:GetUser', 'Read'],
    ['iam:ListUsers', 'List'],
    ['iam:AttachUserPolicy', 'Update'],
    ['iam:DeleteUser', 'Delete'],
    ['iam:CreateAccessKey', 'Create'],
    ['iam:CreatePolicyVersion', 'Update'],
    ['sts:AssumeRole', 'Create'],
    ['sts:GetCallerIdentity', 'Read'],
    ['s3:PutObject', 'Create'],
    ['s3:GetObject', 'Read'],
    ['s3:ListObjectsV2', 'List'],
    ['s3:PutBucketPolicy', 'Update'],
    ['s3:DeleteObject', 'Delete'],
    ['dynamodb:UpdateItem', 'Update'],
    ['dynamodb:Query', 'List'],
    ['ec2:RunInstances', 'Create'],
    ['ec2:TerminateInstances', 'Delete'],
    ['kms:Decrypt', 'Read'],
    ['kms:ScheduleKeyDeletion', 'Delete'],
    ['account:CloseAccount', 'Delete'],
  ])('%s is %s', (name, crud) => {
    expect(crudTable[name]).toBe(crud);
  });

  it('covers the operations the issue lists', () => {
    const required = [
      'iam:CreateUser', 'iam:DeleteUser', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:DeleteLoginProfile', 'iam:CreateAccessKey', 'iam:UpdateAccessKey',
      'iam:DeleteAccessKey', 'iam:ListAccessKeys', 'iam:CreateGroup', 'iam:DeleteGroup', 'iam:AddUserToGroup', 'iam:RemoveUserFromGroup', 'iam:CreateRole', 'iam:DeleteRole',
      'iam:UpdateAssumeRolePolicy', 'iam:AttachUserPolicy', 'iam:DetachUserPolicy', 'iam:AttachGroupPolicy', 'iam:DetachGroupPolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy',
      'iam:PutUserPolicy', 'iam:DeleteUserPolicy', 'iam:PutGroupPolicy', 'iam:DeleteGroupPolicy', 'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:PutUserPermissionsBoundary',
      'iam:DeleteUserPermissionsBoundary', 'iam:PutRolePermissionsBoundary', 'iam:DeleteRolePermissionsBoundary', 'iam:CreatePolicy', 'iam:CreatePolicyVersion',
      'iam:SetDefaultPolicyVersion', 'iam:DeletePolicy', 'iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'iam:TagUser', 'iam:TagRole', 'iam:GetUser', 'iam:ListUsers',
      'iam:ListGroups', 'iam:ListRoles', 'iam:ListPolicies', 'iam:GetPolicyVersion', 'iam:GetAccountAuthorizationDetails', 'iam:CreateSAMLProvider', 'iam:CreateOpenIDConnectProvider',
      'sts:AssumeRole', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithSAML', 'sts:GetSessionToken', 'sts:GetCallerIdentity',
      's3:CreateBucket', 's3:DeleteBucket', 's3:ListBuckets', 's3:ListObjectsV2', 's3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:PutBucketPolicy', 's3:GetBucketPolicy',
      's3:DeleteBucketPolicy', 's3:PutPublicAccessBlock', 's3:PutBucketVersioning',
      'dynamodb:CreateTable', 'dynamodb:DeleteTable', 'dynamodb:DescribeTable', 'dynamodb:ListTables', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem',
      'dynamodb:Query', 'dynamodb:Scan', 'ec2:RunInstances', 'ec2:DescribeInstances', 'ec2:TerminateInstances', 'ec2:CreateTags', 'ec2:StartInstances', 'ec2:StopInstances',
      'kms:CreateKey', 'kms:DescribeKey', 'kms:Encrypt', 'kms:Decrypt', 'kms:PutKeyPolicy', 'kms:ScheduleKeyDeletion',
    ];
    expect(required.filter((r) => !operationNames.includes(r))).toEqual([]);
  });

  it('marks exactly the root-only tasks', () => {
    const rootOnly = operationNames.filter((n) => operations[n]?.rootOnlyTask?.({}) !== undefined).sort();
    expect(rootOnly).toEqual([
      'account:CloseAccount',
      'account:DeactivateRootMFADevice',
      'account:EnableRootMFADevice',
      'account:RestoreAdminPermissions',
      'account:UnlockBucketPolicy',
      'account:UpdateRootEmail',
      'account:UpdateRootPassword',
      'cloudfront:CreateCloudFrontKeyPair',
      'supportplans:UpdateSupportPlan',
    ]);
    expect(operations['s3:PutBucketVersioning']?.rootOnlyTask?.({ MFADelete: 'Enabled' })).toBe('Enable or disable MFA Delete on an S3 bucket');
  });
});

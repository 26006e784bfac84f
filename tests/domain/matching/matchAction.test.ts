// Action matching. AWS: IAM JSON policy elements: Action — "The prefix and the action name are case
// insensitive", wildcards allowed anywhere, "*" alone means all actions of all services.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
import { describe, expect, it } from 'vitest';
import { matchAction } from '../../../src/lib/domain/matching/matchAction';

describe('matchAction', () => {
  it.each([
    ['*', 's3:GetObject', true],
    ['*', 'iam:CreateUser', true],
    ['s3:*', 's3:GetObject', true],
    ['s3:*', 'S3:PutObject', true],
    ['s3:*', 's3express:CreateSession', false],
    ['s3:GetObject', 's3:getobject', true],
    ['S3:GETOBJECT', 's3:GetObject', true],
    ['s3:GetObject', 's3:GetObjectAcl', false],
    ['s3:Get*', 's3:GetObjectAcl', true],
    ['s3:Get*', 's3:PutObject', false],
    ['s3:*Object', 's3:DeleteObject', true],
    ['s3:*Object', 's3:DeleteObjects', false],
    ['iam:*AccessKey*', 'iam:CreateAccessKey', true],
    ['iam:*AccessKey*', 'iam:ListAccessKeys', true],
    ['iam:Get?ser', 'iam:GetUser', true],
    ['iam:Get?ser', 'iam:GetUsers', false],
    ['ec2:*', 'ec2messages:GetMessages', false],
    ['dynamodb:Get*', 's3:GetObject', false],
  ])('%s covers %s → %s', (pattern, action, expected) => {
    expect(matchAction(pattern, action)).toBe(expected);
  });
});

// Ready-made policies for the visual builder, written as AWS's own examples write them.
// Invariant: every template is a valid policy of its kind that the builder can show in full
// (tests/ui/builder/templates.test.ts round-trips each one). Pure data and functions, no Svelte.
import type { Json, PolicyKind } from '../../domain/policy';

export interface TemplateParams {
  readonly bucket: string;
  readonly accountId: string;
  readonly otherAccountId: string;
  readonly cidr: string;
  readonly tagKey: string;
}

export interface PolicyTemplate {
  readonly id: string;
  readonly kind: PolicyKind;
  /** The AWS page the template follows. */
  readonly docUrl: string;
  build(p: TemplateParams): Json;
}

/** Contextual typing per statement keeps each literal a Json value. */
const policy = (statements: Json[]): Json => ({ Version: '2012-10-17', Statement: statements });

export const policyTemplates: readonly PolicyTemplate[] = [
  {
    id: 'readOnlyBucket',
    kind: 'identity',
    docUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_s3_rw-bucket.html',
    build: (p) => policy([
      { Sid: 'ListBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${p.bucket}` },
      { Sid: 'ReadObjects', Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${p.bucket}/*` },
    ]),
  },
  {
    id: 'homeFolder',
    kind: 'identity',
    docUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_s3_home-directory-console.html',
    build: (p) => policy([
      {
        Sid: 'ListOwnFolder',
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: `arn:aws:s3:::${p.bucket}`,
        Condition: { StringLike: { 's3:prefix': ['', 'home/', 'home/${aws:username}/*'] } },
      },
      {
        Sid: 'UseOwnFolder',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: `arn:aws:s3:::${p.bucket}/home/\${aws:username}/*`,
      },
    ]),
  },
  {
    id: 'denyWithoutMfa',
    kind: 'identity',
    docUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_my-sec-creds-self-manage.html',
    build: () => policy([
      {
        Sid: 'DenyWithoutMFA',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ]),
  },
  {
    id: 'ipAllowList',
    kind: 'identity',
    docUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_aws_deny-ip.html',
    build: (p) => policy([
      {
        Sid: 'DenyOutsideOffice',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { NotIpAddress: { 'aws:SourceIp': p.cidr }, Bool: { 'aws:ViaAWSService': 'false' } },
      },
    ]),
  },
  {
    id: 'abacByTags',
    kind: 'identity',
    docUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_attribute-based-access-control.html',
    build: (p) => policy([
      {
        Sid: 'SameTeamInstances',
        Effect: 'Allow',
        Action: ['ec2:StartInstances', 'ec2:StopInstances'],
        Resource: `arn:aws:ec2:*:${p.accountId}:instance/*`,
        Condition: { StringEquals: { [`aws:ResourceTag/${p.tagKey}`]: `\${aws:PrincipalTag/${p.tagKey}}` } },
      },
    ]),
  },
  {
    id: 'crossAccountTrust',
    kind: 'trust',
    docUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_cross-account-with-roles.html',
    build: (p) => policy([
      {
        Sid: 'TrustOtherAccount',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${p.otherAccountId}:root` },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
    ]),
  },
  {
    id: 'publicReadBucket',
    kind: 'resource',
    docUrl: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html',
    build: (p) => policy([{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${p.bucket}/*` }]),
  },
];

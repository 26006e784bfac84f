// The AWS managed policies the lab offers, with their documents written out as AWS publishes them.
// Invariant: read-only and shared by every account; where AWS's document is very large, `subset: true`
// marks a faithful excerpt (same statements' shape and the actions the simulated services use).
// AWS: AWS managed policies reference guide, https://docs.aws.amazon.com/aws-managed-policy/latest/reference/
import { awsManagedPolicyArn } from './arns';
import type { ManagedPolicy } from './types';

/** AWS managed policies have no creation date on our clock; a fixed, honest-looking epoch. */
const publishedAt = '2015-02-06T18:39:46Z';

interface Definition {
  readonly name: string;
  readonly path: string;
  readonly description: string;
  readonly document: object;
  readonly subset?: boolean;
}

const definitions: readonly Definition[] = [
  {
    name: 'AdministratorAccess',
    path: '/',
    description: 'Provides full access to AWS services and resources.',
    document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  },
  {
    name: 'PowerUserAccess',
    path: '/',
    description: 'Provides full access to AWS services and resources, but does not allow management of Users and groups.',
    document: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
        {
          Effect: 'Allow',
          Action: [
            'account:GetAccountInformation',
            'account:GetPrimaryEmail',
            'account:ListRegions',
            'iam:CreateServiceLinkedRole',
            'iam:DeleteServiceLinkedRole',
            'iam:ListRoles',
            'organizations:DescribeOrganization',
          ],
          Resource: '*',
        },
      ],
    },
  },
  {
    name: 'IAMFullAccess',
    path: '/',
    description: 'Provides full access to IAM via the AWS Management Console.',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'iam:*',
            'organizations:DescribeAccount',
            'organizations:DescribeOrganization',
            'organizations:DescribeOrganizationalUnit',
            'organizations:DescribePolicy',
            'organizations:ListChildren',
            'organizations:ListParents',
            'organizations:ListPoliciesForTarget',
            'organizations:ListRoots',
            'organizations:ListPolicies',
            'organizations:ListTargetsForPolicy',
          ],
          Resource: '*',
        },
      ],
    },
  },
  {
    name: 'IAMReadOnlyAccess',
    path: '/',
    description: 'Provides read only access to IAM via the AWS Management Console.',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'iam:GenerateCredentialReport',
            'iam:GenerateServiceLastAccessedDetails',
            'iam:Get*',
            'iam:List*',
            'iam:SimulateCustomPolicy',
            'iam:SimulatePrincipalPolicy',
          ],
          Resource: '*',
        },
      ],
    },
  },
  {
    name: 'IAMUserChangePassword',
    path: '/',
    description: 'Provides the ability for an IAM user to change their own password.',
    document: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['iam:ChangePassword'], Resource: ['arn:aws:iam::*:user/${aws:username}'] },
        { Effect: 'Allow', Action: ['iam:GetAccountPasswordPolicy'], Resource: '*' },
      ],
    },
  },
  {
    name: 'AmazonS3FullAccess',
    path: '/',
    description: 'Provides full access to all buckets via the AWS Management Console.',
    document: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }],
    },
  },
  {
    name: 'AmazonS3ReadOnlyAccess',
    path: '/',
    description: 'Provides read only access to all buckets via the AWS Management Console.',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'],
          Resource: '*',
        },
      ],
    },
  },
  {
    name: 'AmazonDynamoDBFullAccess',
    path: '/',
    description: 'Provides full access to Amazon DynamoDB via the AWS Management Console.',
    subset: true,
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Action: [
            'dynamodb:*',
            'dax:*',
            'application-autoscaling:DeleteScalingPolicy',
            'application-autoscaling:DeregisterScalableTarget',
            'application-autoscaling:DescribeScalableTargets',
            'application-autoscaling:DescribeScalingActivities',
            'application-autoscaling:DescribeScalingPolicies',
            'application-autoscaling:PutScalingPolicy',
            'application-autoscaling:RegisterScalableTarget',
            'cloudwatch:DeleteAlarms',
            'cloudwatch:DescribeAlarmHistory',
            'cloudwatch:DescribeAlarms',
            'cloudwatch:GetMetricData',
            'cloudwatch:GetMetricStatistics',
            'cloudwatch:ListMetrics',
            'cloudwatch:PutMetricAlarm',
            'ec2:DescribeVpcs',
            'ec2:DescribeSubnets',
            'ec2:DescribeSecurityGroups',
            'iam:GetRole',
            'iam:ListRoles',
            'kms:DescribeKey',
            'kms:ListAliases',
            'sns:CreateTopic',
            'sns:ListSubscriptionsByTopic',
            'sns:ListTopics',
            'sns:Subscribe',
            'lambda:ListFunctions',
            'tag:GetResources',
          ],
          Effect: 'Allow',
          Resource: '*',
        },
        {
          Action: 'cloudwatch:GetInsightRuleReport',
          Effect: 'Allow',
          Resource: 'arn:aws:cloudwatch:*:*:insight-rule/DynamoDBContributorInsights*',
        },
        {
          Action: ['iam:PassRole'],
          Effect: 'Allow',
          Resource: '*',
          Condition: {
            StringLike: {
              'iam:PassedToService': ['application-autoscaling.amazonaws.com', 'dax.amazonaws.com'],
            },
          },
        },
        {
          Effect: 'Allow',
          Action: ['iam:CreateServiceLinkedRole'],
          Resource: '*',
          Condition: {
            StringEquals: {
              'iam:AWSServiceName': [
                'replication.dynamodb.amazonaws.com',
                'dax.amazonaws.com',
                'dynamodb.application-autoscaling.amazonaws.com',
                'contributorinsights.dynamodb.amazonaws.com',
                'kinesisreplication.dynamodb.amazonaws.com',
              ],
            },
          },
        },
      ],
    },
  },
  {
    name: 'AmazonDynamoDBReadOnlyAccess',
    path: '/',
    description: 'Provides read only access to Amazon DynamoDB via the AWS Management Console.',
    subset: true,
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Action: [
            'application-autoscaling:DescribeScalableTargets',
            'application-autoscaling:DescribeScalingActivities',
            'application-autoscaling:DescribeScalingPolicies',
            'cloudwatch:DescribeAlarmHistory',
            'cloudwatch:DescribeAlarms',
            'cloudwatch:GetMetricData',
            'cloudwatch:GetMetricStatistics',
            'cloudwatch:ListMetrics',
            'dynamodb:BatchGetItem',
            'dynamodb:Describe*',
            'dynamodb:GetItem',
            'dynamodb:GetResourcePolicy',
            'dynamodb:List*',
            'dynamodb:PartiQLSelect',
            'dynamodb:Query',
            'dynamodb:Scan',
            'ec2:DescribeSecurityGroups',
            'ec2:DescribeSubnets',
            'ec2:DescribeVpcs',
            'iam:GetRole',
            'iam:ListRoles',
            'kms:DescribeKey',
            'kms:ListAliases',
            'lambda:ListFunctions',
            'tag:GetResources',
          ],
          Effect: 'Allow',
          Resource: '*',
        },
        {
          Action: 'cloudwatch:GetInsightRuleReport',
          Effect: 'Allow',
          Resource: 'arn:aws:cloudwatch:*:*:insight-rule/DynamoDBContributorInsights*',
        },
      ],
    },
  },
  {
    name: 'AmazonEC2ReadOnlyAccess',
    path: '/',
    description: 'Provides read only access to Amazon EC2 via the AWS Management Console.',
    document: {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' },
        { Effect: 'Allow', Action: 'elasticloadbalancing:Describe*', Resource: '*' },
        {
          Effect: 'Allow',
          Action: ['cloudwatch:ListMetrics', 'cloudwatch:GetMetricStatistics', 'cloudwatch:Describe*'],
          Resource: '*',
        },
        { Effect: 'Allow', Action: 'autoscaling:Describe*', Resource: '*' },
      ],
    },
  },
  {
    name: 'ViewOnlyAccess',
    path: '/job-function/',
    description:
      'This policy grants permissions to view resources and basic metadata across all AWS services.',
    subset: true,
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ViewOnlyActions',
          Effect: 'Allow',
          Action: [
            'cloudwatch:DescribeAlarms',
            'cloudwatch:ListMetrics',
            'dynamodb:DescribeBackup',
            'dynamodb:DescribeTable',
            'dynamodb:ListBackups',
            'dynamodb:ListTables',
            'ec2:DescribeAccountAttributes',
            'ec2:DescribeInstances',
            'ec2:DescribeRegions',
            'ec2:DescribeSecurityGroups',
            'ec2:DescribeTags',
            'ec2:DescribeVolumes',
            'iam:GetAccountSummary',
            'iam:GetLoginProfile',
            'iam:List*',
            'kms:DescribeKey',
            'kms:ListAliases',
            'kms:ListKeys',
            'organizations:DescribeOrganization',
            's3:GetBucketLocation',
            's3:GetBucketPolicy',
            's3:ListAllMyBuckets',
            'sts:GetCallerIdentity',
          ],
          Resource: '*',
        },
      ],
    },
  },
];

/** A stable ANPA-style id derived from the name (the lab does not reproduce AWS's real ids). */
function simulatedPolicyId(name: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let h = 2166136261;
  let out = 'ANPA';
  for (let i = 0; i < 17; i += 1) {
    for (const c of name + String(i)) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    out += alphabet[h % 32];
  }
  return out;
}

function toManagedPolicy(d: Definition): ManagedPolicy {
  return {
    arn: awsManagedPolicyArn(d.path, d.name),
    name: d.name,
    path: d.path,
    id: simulatedPolicyId(d.name),
    description: d.description,
    awsManaged: true,
    defaultVersionId: 'v1',
    versions: [{ versionId: 'v1', document: JSON.stringify(d.document, null, 2), createdAt: publishedAt }],
    createdAt: publishedAt,
    updatedAt: publishedAt,
    ...(d.subset ? { subset: true } : {}),
  };
}

/** AWS managed policies keyed by ARN. */
export const awsManagedPolicies: Readonly<Record<string, ManagedPolicy>> = Object.fromEntries(
  definitions.map((d) => {
    const p = toManagedPolicy(d);
    return [p.arn, p] as const;
  }),
);

export function awsManagedPolicyArnByName(name: string): string | undefined {
  return Object.values(awsManagedPolicies).find((p) => p.name === name)?.arn;
}

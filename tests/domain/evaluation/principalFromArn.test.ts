// The principal strings of decision cases. AWS: IAM identifiers, "IAM ARNs" (user, root, assumed-role,
// federated-user formats) https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html
import { describe, expect, it } from 'vitest';
import { principalFromArn } from '../../../src/lib/domain/evaluation/principalFromArn';

describe('principalFromArn', () => {
  it.each([
    ['*', { kind: 'anonymous' }],
    ['arn:aws:iam::111122223333:root', { kind: 'root', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' }],
    ['111122223333', { kind: 'root', arn: 'arn:aws:iam::111122223333:root', accountId: '111122223333' }],
    ['arn:aws:iam::111122223333:user/alice', { kind: 'user', arn: 'arn:aws:iam::111122223333:user/alice', accountId: '111122223333' }],
    ['arn:aws:iam::111122223333:user/eng/alice', { kind: 'user', arn: 'arn:aws:iam::111122223333:user/eng/alice', accountId: '111122223333' }],
    [
      'arn:aws:sts::111122223333:assumed-role/Reader/s1',
      { kind: 'assumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/Reader/s1', roleArn: 'arn:aws:iam::111122223333:role/Reader', accountId: '111122223333' },
    ],
    [
      'arn:aws-cn:sts::111122223333:assumed-role/R/i-0abc',
      { kind: 'assumedRole', arn: 'arn:aws-cn:sts::111122223333:assumed-role/R/i-0abc', roleArn: 'arn:aws-cn:iam::111122223333:role/R', accountId: '111122223333' },
    ],
    ['arn:aws:sts::111122223333:federated-user/bob', { kind: 'federatedUser', arn: 'arn:aws:sts::111122223333:federated-user/bob', accountId: '111122223333' }],
    ['ec2.amazonaws.com', { kind: 'service', service: 'ec2.amazonaws.com' }],
    ['accounts.google.com', { kind: 'webIdentity', provider: 'accounts.google.com' }],
    ['arn:aws:iam::111122223333:saml-provider/Okta', { kind: 'saml', provider: 'arn:aws:iam::111122223333:saml-provider/Okta' }],
  ] as const)('%s', (text, expected) => {
    expect(principalFromArn(text)).toEqual(expected);
  });

  it.each([
    'arn:aws:iam::111122223333:role/Reader',
    'arn:aws:iam::111122223333:group/Admins',
    'arn:aws:sts::111122223333:assumed-role/Reader',
    'arn:aws:s3:::bucket',
    'alice',
    '',
  ])('refuses %j: it names no caller', (text) => {
    expect(() => principalFromArn(text)).toThrow();
  });
});

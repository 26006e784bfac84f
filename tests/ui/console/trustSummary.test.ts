// "Who can assume this role" read from trust policies: principals of Allow statements only, each with
// its type, the actions and whether conditions apply; unreadable documents give nothing.
// AWS: IAM User Guide "Roles terms and concepts" (trust policy) and "AWS JSON policy elements: Principal".
import { describe, expect, it } from 'vitest';
import { trustedPrincipals } from '../../../src/lib/ui/console/trustSummary';

const doc = (statement: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: statement });

describe('trustedPrincipals', () => {
  it.each([
    [
      'a service principal',
      doc([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]),
      [{ kind: 'Service', value: 'ec2.amazonaws.com', action: 'sts:AssumeRole', conditional: false }],
    ],
    [
      'several accounts with a condition',
      doc({ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root', '444455556666'] }, Action: ['sts:AssumeRole', 'sts:TagSession'], Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
      [
        { kind: 'AWS', value: 'arn:aws:iam::111122223333:root', action: 'sts:AssumeRole, sts:TagSession', conditional: true },
        { kind: 'AWS', value: '444455556666', action: 'sts:AssumeRole, sts:TagSession', conditional: true },
      ],
    ],
    ['everyone', doc([{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }]), [{ kind: '*', value: '*', action: 'sts:AssumeRole', conditional: false }]],
    ['a Deny only', doc([{ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }]), []],
    ['not JSON', '{"Statement": [', []],
    ['no statements', '{}', []],
  ])('reads %s', (_label, text, expected) => {
    expect(trustedPrincipals(text)).toEqual(expected);
  });
});

// compilePolicy: parse (when text) + validate + normalize, with line/column on every diagnostic
// that came from text. AWS: "IAM JSON policy elements reference" and "Validating IAM policies"
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_policy-validator.html
import { describe, expect, it } from 'vitest';
import { compilePolicy } from '../../../src/lib/domain/policy';

const text = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Read",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::reports/*"
    },
    {
      "Sid": "Read",
      "Effect": "Alow",
      "Action": ["s3:PutObject", "PutObject"],
      "Resource": "reports",
      "Principal": "*",
      "Condition": { "StringEqual": { "aws:username": "alice" } }
    }
  ]
}`;

describe('compilePolicy from text', () => {
  it('reports each problem at its line and column', () => {
    const result = compilePolicy(text, 'identity');
    expect(result.ok).toBe(false);
    const found = result.diagnostics.map((d) => [d.code, d.path, d.line, d.column]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['policy.statement.sid.duplicate', '/Statement/1/Sid', 11, 14],
        ['policy.statement.effect.invalid', '/Statement/1/Effect', 12, 17],
        ['policy.statement.action.malformed', '/Statement/1/Action/1', 13, 34],
        ['policy.statement.resource.malformedArn', '/Statement/1/Resource', 14, 19],
        ['policy.statement.forbiddenElement', '/Statement/1/Principal', 15, 7],
        ['policy.statement.condition.unknownOperator', '/Statement/1/Condition/StringEqual', 16, 22],
      ]),
    );
    expect(found).toHaveLength(6);
  });

  it('places a missing element at its statement', () => {
    const result = compilePolicy('{"Version":"2012-10-17",\n "Statement": {"Effect": "Allow", "Action": "*"}}', 'identity');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'policy.statement.resource.missing', path: '/Statement', line: 2, column: 15 })]);
  });

  it('stops at a JSON syntax error', () => {
    const result = compilePolicy('{"Version": "2012-10-17",,}', 'identity');
    expect(result).toEqual({ ok: false, diagnostics: [expect.objectContaining({ code: 'policy.json.syntax', line: 1, column: 26 })] });
  });

  it('compiles with warnings: ok stays true and the warnings travel along', () => {
    const result = compilePolicy('{"Statement": {"Effect": "Allow", "Effect": "Allow", "Action": "*", "Resource": "*"}}', 'identity');
    expect(result.ok).toBe(true);
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(['policy.json.duplicateKey', 'policy.version.missing']);
    if (result.ok) expect(result.policy.version).toBeNull();
  });
});

describe('compilePolicy from JSON', () => {
  it('returns the normalized policy and no diagnostics for a clean document', () => {
    const result = compilePolicy(
      { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' } },
      'trust',
    );
    expect(result).toEqual({
      ok: true,
      diagnostics: [],
      policy: {
        version: '2012-10-17',
        statements: [
          {
            index: 0,
            path: '/Statement',
            effect: 'Allow',
            principal: { anyone: false, aws: [], service: ['lambda.amazonaws.com'], federated: [], canonicalUser: [] },
            action: ['sts:AssumeRole'],
            conditions: [],
          },
        ],
      },
    });
  });

  it('has no line or column without text', () => {
    const result = compilePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*' } }, 'identity');
    expect(result.ok).toBe(false);
    expect(result.diagnostics[0]).not.toHaveProperty('line');
  });

  it.each<[string, 'trust' | 'scp']>([
    ['trust', 'trust'],
    ['scp', 'scp'],
  ])('passes the size limit through for %s', (_name, kind) => {
    const big = {
      Version: '2012-10-17',
      Statement: { Effect: 'Deny', Principal: kind === 'trust' ? { AWS: '111122223333' } : undefined, Action: 'sts:AssumeRole', Resource: kind === 'scp' ? '*' : undefined, Condition: { StringEquals: { 'aws:PrincipalTag/x': 'y'.repeat(7000) } } },
    };
    const document = JSON.parse(JSON.stringify(big));
    const limited = compilePolicy(document, kind, { limit: 'bucket' });
    const byDefault = compilePolicy(document, kind);
    expect(limited.diagnostics.map((d) => d.code)).toEqual([]);
    expect(byDefault.diagnostics.map((d) => d.code)).toEqual(['policy.size.exceeded']);
  });
});

describe('compilePolicy at scale', () => {
  it('reports every bad item of a very long list without throwing', () => {
    const actions = Array.from({ length: 150_000 }, () => 'bad');
    const result = compilePolicy({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: actions, Resource: '*' } }, 'identity');
    expect(result.ok).toBe(false);
    expect(result.diagnostics).toHaveLength(150_000);
  });
});

// aws iam simulate-custom-policy / simulate-principal-policy through the pipeline: AWS's option names and
// output shape (EvaluationResults: EvalActionName, EvalResourceName, EvalDecision, MatchedStatements with
// SourcePolicyId/SourcePolicyType/StartPosition/EndPosition, MissingContextValues).
// AWS: IAM API Reference "SimulatePrincipalPolicy", "SimulateCustomPolicy", "EvaluationResult", "Statement"
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html) and the AWS CLI
// Command Reference examples for iam simulate-principal-policy.
import { describe, expect, it } from 'vitest';
import { json, labHarness } from './harness';

type Result = { EvalActionName: string; EvalResourceName: string; EvalDecision: string; MatchedStatements: { SourcePolicyId: string; SourcePolicyType: string; StartPosition: { Line: number; Column: number }; EndPosition: { Line: number; Column: number } }[]; MissingContextValues: string[] };

const results = (text: string) => json(text).EvaluationResults as Result[];

describe('simulate-principal-policy', () => {
  it("evaluates a user's own and group policies per action and resource, naming the deciding statement", async () => {
    const h = await labHarness();
    const r = await h.run(
      'aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::111122223333:user/bob --action-names s3:GetObject s3:DeleteObject --resource-arns arn:aws:s3:::example-corp-app-data/reports/a.csv',
    );
    expect(r.exitCode).toBe(0);
    const [get, del] = results(r.stdout);
    expect(get).toMatchObject({ EvalActionName: 's3:GetObject', EvalResourceName: 'arn:aws:s3:::example-corp-app-data/reports/a.csv', EvalDecision: 'allowed', MissingContextValues: [] });
    expect(get?.MatchedStatements).toEqual([expect.objectContaining({ SourcePolicyId: 'DeveloperAppAccess', SourcePolicyType: 'user-managed' })]);
    const pos = get?.MatchedStatements[0];
    expect(pos && pos.EndPosition.Line > pos.StartPosition.Line).toBe(true);
    expect(del).toMatchObject({ EvalDecision: 'implicitDeny', MatchedStatements: [] });
    expect(h.world.accounts['111122223333']?.users.bob?.attachedPolicies).toEqual([]);
  });

  it('reports an explicit deny from a group inline policy, with context entries', async () => {
    const h = await labHarness();
    const r = await h.run(
      'aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::111122223333:group/Developers --action-names ec2:TerminateInstances --context-entries ContextKeyName=aws:ResourceTag/Environment,ContextKeyValues=production,ContextKeyType=string',
    );
    expect(results(r.stdout)[0]).toMatchObject({ EvalDecision: 'explicitDeny', MatchedStatements: [{ SourcePolicyId: 'DenyProductionTermination', SourcePolicyType: 'group' }] });
  });

  it('needs iam:SimulatePrincipalPolicy on the principal', async () => {
    const h = await labHarness({ kind: 'user', userName: 'bob' });
    const r = await h.run('aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::111122223333:user/alice --action-names s3:ListBucket');
    expect(r.stderr).toContain('An error occurred (AccessDenied) when calling the SimulatePrincipalPolicy operation: User: arn:aws:iam::111122223333:user/bob is not authorized to perform: iam:SimulatePrincipalPolicy on resource: arn:aws:iam::111122223333:user/alice');
  });

  it('refuses an unknown principal with NoSuchEntity', async () => {
    const h = await labHarness();
    const r = await h.run('aws iam simulate-principal-policy --policy-source-arn arn:aws:iam::111122223333:user/nobody --action-names s3:ListBucket');
    expect(r.stderr).toContain('An error occurred (NoSuchEntity) when calling the SimulatePrincipalPolicy operation');
  });
});

describe('simulate-custom-policy', () => {
  const policy = '{"Version":"2012-10-17","Statement":[{"Sid":"AfterLaunch","Effect":"Allow","Action":"dynamodb:*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2026-01-01T00:00:00Z"}}}]}';

  it.each([
    ['2025-04-25T11:00:00Z', 'implicitDeny', 0],
    ['2026-04-25T11:00:00Z', 'allowed', 1],
  ])('aws:CurrentTime %s → %s', async (time, decision, matched) => {
    const h = await labHarness();
    const r = await h.run(
      `aws iam simulate-custom-policy --policy-input-list '${policy}' --action-names dynamodb:CreateBackup --context-entries "ContextKeyName='aws:CurrentTime',ContextKeyValues='${time}',ContextKeyType=date"`,
    );
    const [result] = results(r.stdout);
    expect(result).toMatchObject({ EvalActionName: 'dynamodb:CreateBackup', EvalResourceName: '*', EvalDecision: decision });
    expect(result?.MatchedStatements).toHaveLength(matched);
    if (matched) expect(result?.MatchedStatements[0]).toEqual({ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none', StartPosition: { Line: 1, Column: policy.indexOf('[{') + 2 }, EndPosition: { Line: 1, Column: policy.length - 2 } });
  });

  it('refuses a malformed input policy', async () => {
    const h = await labHarness();
    const r = await h.run("aws iam simulate-custom-policy --policy-input-list '{bad' --action-names s3:ListBucket");
    expect(r.stderr).toContain('An error occurred (MalformedPolicyDocument) when calling the SimulateCustomPolicy operation');
  });
});

// Tab completion: commands, services, options not yet used, and names from the lab.
import { describe, expect, it } from 'vitest';
import { commonPrefix, completeLine } from '../../../src/lib/domain/cli/completeLine';
import { webCrypto } from '../../../src/lib/domain/authentication/crypto';
import { createDefaultLab } from '../../../src/lib/domain/world';

const world = await createDefaultLab({ crypto: webCrypto(), passwordIterations: 1000 });
const config = { profiles: { dev: {}, default: {} }, env: {} };

describe('completeLine', () => {
  it.each([
    ['', ['aws', 'clear', 'echo', 'env', 'export', 'help', 'history', 'unset']],
    ['a', ['aws']],
    ['aws ', ['configure', 'dynamodb', 'ec2', 'help', 'iam', 'kms', 's3', 's3api', 'sts']],
    ['aws s', ['s3', 's3api', 'sts']],
    ['aws iam create-u', ['create-user']],
    ['aws iam add-user-to-group --group-name ', ['Admins', 'Developers']],
    ['aws iam add-user-to-group --group-name Admins --user-name ', ['alice', 'bob', 'carol']],
    ['aws iam get-role --role-name App', ['AppServerRole']],
    ['aws iam attach-user-policy --user-name bob --policy-arn arn:aws:iam::aws:policy/IAM', ['arn:aws:iam::aws:policy/IAMFullAccess', 'arn:aws:iam::aws:policy/IAMReadOnlyAccess', 'arn:aws:iam::aws:policy/IAMUserChangePassword']],
    ['aws iam update-access-key --status ', ['Active', 'Inactive']],
    ['aws s3 ls s3://ex', ['s3://example-corp-app-data/']],
    ['aws s3api get-object --bucket p', ['partner-co-shared']],
    ['aws dynamodb scan --table-name ', ['Orders']],
    ['aws sts get-caller-identity --profile ', ['default', 'dev']],
    ['aws sts get-caller-identity --output t', ['table', 'text']],
    ['aws configure set aws_s', ['aws_secret_access_key', 'aws_session_token']],
    ['export AWS_P', ['AWS_PROFILE=']],
    ['aws iam create-user --user-name dave --p', ['--path', '--permissions-boundary', '--profile']],
  ])('%j', (line, expected) => {
    expect(completeLine(line, world, config).candidates).toEqual(expected);
  });

  it('leaves out options already typed', () => {
    const r = completeLine('aws iam create-access-key --user-name bob ', world, config);
    expect(r.candidates).not.toContain('--user-name');
  });

  it('says where the completed word starts', () => {
    expect(completeLine('aws iam get-user --user-name ca', world, config)).toEqual({ start: 29, candidates: ['carol'] });
  });

  it.each([
    [['create-user', 'create-group'], 'create-'],
    [['alice'], 'alice'],
    [[], ''],
  ])('commonPrefix %j', (candidates, prefix) => {
    expect(commonPrefix(candidates)).toBe(prefix);
  });
});

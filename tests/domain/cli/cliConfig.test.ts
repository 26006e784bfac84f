// Profiles and environment: AWS CLI User Guide, "Configuration settings and precedence"
// (https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-configure.html#configure-precedence):
// command line options, then environment variables, then the credentials and config files.
import { describe, expect, it } from 'vitest';
import { configureGet, configureSet, emptyCliConfig, maskSecret, resolveCredentials, resolveOutput, resolveRegion, setEnv } from '../../../src/lib/domain/cli/cliConfig';
import type { CliConfig } from '../../../src/lib/domain/cli/cliConfig';

const config: CliConfig = {
  profiles: {
    default: { aws_access_key_id: 'AKIADEFAULT', aws_secret_access_key: 'sd', region: 'eu-west-1', output: 'table' },
    dev: { aws_access_key_id: 'ASIADEV', aws_secret_access_key: 'sv', aws_session_token: 'tok', region: 'us-west-2' },
    regionOnly: { region: 'ap-southeast-1' },
  },
  env: {},
};

describe('credentials', () => {
  it.each([
    ['default profile', config, undefined, { accessKeyId: 'AKIADEFAULT', source: 'profile', profile: 'default' }],
    ['--profile', config, 'dev', { accessKeyId: 'ASIADEV', sessionToken: 'tok', profile: 'dev' }],
    ['AWS_PROFILE', setEnv(config, 'AWS_PROFILE', 'dev'), undefined, { accessKeyId: 'ASIADEV' }],
    ['environment keys beat the profile', setEnv(setEnv(config, 'AWS_ACCESS_KEY_ID', 'AKIAENV'), 'AWS_SECRET_ACCESS_KEY', 'se'), undefined, { accessKeyId: 'AKIAENV', source: 'env' }],
    ['--profile beats environment keys', setEnv(setEnv(config, 'AWS_ACCESS_KEY_ID', 'AKIAENV'), 'AWS_SECRET_ACCESS_KEY', 'se'), 'dev', { accessKeyId: 'ASIADEV' }],
  ])('%s', (_label, c, profile, expected) => {
    expect(resolveCredentials(c, profile)).toMatchObject({ kind: 'keys', ...expected });
  });

  it.each([
    ['no configuration', emptyCliConfig, undefined, { kind: 'none' }],
    ['a profile without keys', config, 'regionOnly', { kind: 'none' }],
    ['an unknown profile', config, 'nope', { kind: 'none', profileNotFound: 'nope' }],
    ['only half of the environment keys', setEnv(emptyCliConfig, 'AWS_ACCESS_KEY_ID', 'AKIAENV'), undefined, { kind: 'none' }],
  ])('%s', (_label, c, profile, expected) => {
    expect(resolveCredentials(c, profile)).toEqual(expected);
  });
});

describe('region and output', () => {
  it.each([
    [config, undefined, undefined, 'eu-west-1'],
    [config, 'sa-east-1', undefined, 'sa-east-1'],
    [config, undefined, 'dev', 'us-west-2'],
    [setEnv(config, 'AWS_DEFAULT_REGION', 'ca-central-1'), undefined, undefined, 'ca-central-1'],
    [setEnv(setEnv(config, 'AWS_DEFAULT_REGION', 'ca-central-1'), 'AWS_REGION', 'eu-north-1'), undefined, undefined, 'eu-north-1'],
    [emptyCliConfig, undefined, undefined, 'us-east-1'],
  ])('region %#', (c, flag, profile, expected) => {
    expect(resolveRegion(c, flag, profile)).toBe(expected);
  });

  it.each([
    [config, undefined, undefined, 'table'],
    [config, 'text', undefined, 'text'],
    [setEnv(config, 'AWS_DEFAULT_OUTPUT', 'text'), undefined, undefined, 'text'],
    [config, undefined, 'dev', 'json'],
    [{ ...config, profiles: { default: { output: 'yaml' } } }, undefined, undefined, 'json'],
  ] as const)('output %#', (c, flag, profile, expected) => {
    expect(resolveOutput(c, flag, profile)).toBe(expected);
  });
});

describe('aws configure set/get', () => {
  it.each([
    ['region', undefined, 'default'],
    ['region', 'dev', 'dev'],
    ['profile.staging.region', undefined, 'staging'],
    ['default.region', 'dev', 'default'],
  ])('set %s (--profile %s) writes profile %s', (varname, profile, target) => {
    const next = configureSet(emptyCliConfig, varname, 'eu-central-1', profile);
    expect('error' in next).toBe(false);
    if (!('error' in next)) expect(next.profiles[target]?.region).toBe('eu-central-1');
  });

  it('refuses keys the lab does not keep', () => {
    expect(configureSet(emptyCliConfig, 'mfa_serial', 'x')).toHaveProperty('error');
  });

  it('resolves a role profile to its role and its source profile', () => {
    const c: CliConfig = { profiles: { ...config.profiles, admin: { role_arn: 'arn:aws:iam::1:role/Admin', source_profile: 'default' } }, env: {} };
    expect(resolveCredentials(c, 'admin')).toMatchObject({ kind: 'role', roleArn: 'arn:aws:iam::1:role/Admin', sessionName: 'aws-cli-admin', source: { kind: 'keys', accessKeyId: 'AKIADEFAULT' } });
  });

  it('get reads what set wrote', () => {
    const next = configureSet(emptyCliConfig, 'aws_access_key_id', 'AKIAX', 'dev');
    if ('error' in next) throw new Error(next.error);
    expect(configureGet(next, 'aws_access_key_id', 'dev')).toBe('AKIAX');
    expect(configureGet(next, 'profile.dev.aws_access_key_id')).toBe('AKIAX');
    expect(configureGet(next, 'aws_access_key_id')).toBeUndefined();
  });

  it('masks secrets as the prompts do', () => {
    expect(maskSecret('AKIAIOSFODNN7EXAMPLE')).toBe('****************MPLE');
    expect(maskSecret(undefined)).toBe('None');
  });
});

// The AWS CLI's shorthand syntax. AWS: AWS CLI User Guide, "Using shorthand syntax with the AWS CLI"
// (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-shorthand.html): key=value pairs, lists in
// brackets, nested structures in braces, quoted values; JSON when the value starts with { or [.
import { describe, expect, it } from 'vitest';
import { parseJsonArgument, parseStructure } from '../../../src/lib/domain/cli/shorthand';

describe('parseStructure', () => {
  it.each([
    ['Key=Name,Value=web', { Key: 'Name', Value: 'web' }],
    ['Status=Enabled', { Status: 'Enabled' }],
    ['Values=[a,b,c]', { Values: ['a', 'b', 'c'] }],
    ['Values=[]', { Values: [] }],
    ['ResourceType=instance,Tags=[{Key=Name,Value=web},{Key=Env,Value=dev}]', { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }, { Key: 'Env', Value: 'dev' }] }],
    ['Outer={Inner=1,Other=x}', { Outer: { Inner: '1', Other: 'x' } }],
    ["ContextKeyName='aws:CurrentTime',ContextKeyValues='2026-01-01T00:00:00Z'", { ContextKeyName: 'aws:CurrentTime', ContextKeyValues: '2026-01-01T00:00:00Z' }],
    ['Name="a, b"', { Name: 'a, b' }],
    ['ContextKeyName=aws:ResourceTag/Environment,ContextKeyValues=production', { ContextKeyName: 'aws:ResourceTag/Environment', ContextKeyValues: 'production' }],
    ['{"Key": "Name", "Value": "web"}', { Key: 'Name', Value: 'web' }],
    ['[{"Key": "a"}]', [{ Key: 'a' }]],
  ])('%s', (text, value) => {
    expect(parseStructure(text)).toEqual({ ok: true, value });
  });

  it.each([['Name'], ['=x'], ['Values=[a,b'], ['Outer={Inner=1'], ["Name='open"], ['{"Key": }']])('refuses %s', (text) => {
    expect(parseStructure(text).ok).toBe(false);
  });

  it('quotes the JSON it received in the error, as the CLI does', () => {
    const r = parseJsonArgument('{"a": }');
    expect(r.ok === false && r.message).toMatch(/^Invalid JSON: .+\nJSON received: \{"a": \}$/);
  });
});

// Each policy document is compiled once per kind and reused: by object identity for parsed JSON, by text
// for JSON text; a policy set is prepared once per object. (Design: compile once, evaluate many times.)
// AWS: IAM JSON policy grammar (a trust policy has no Resource element, so the same text is a different
// policy as a trust policy than as a bucket policy).
import { describe, expect, it } from 'vitest';
import { compiledPolicy } from '../../../src/lib/domain/evaluation/compiledPolicy';
import { preparedPolicies } from '../../../src/lib/domain/evaluation/preparedPolicies';
import type { PolicySet } from '../../../src/lib/domain/evaluation/types';

const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: 'ec2:*', Resource: '*' }] };

describe('compiledPolicy', () => {
  it('returns the same compiled entry for the same object and kind', () => {
    expect(compiledPolicy(document, 'identity')).toBe(compiledPolicy(document, 'identity'));
  });

  it('returns the same compiled entry for equal text', () => {
    const text = JSON.stringify(document);
    expect(compiledPolicy(text, 'identity')).toBe(compiledPolicy(`${text}`, 'identity'));
  });

  it('compiles per kind: the same document can be valid as one kind and malformed as another', () => {
    expect(compiledPolicy(document, 'identity').ok).toBe(true);
    expect(compiledPolicy(document, 'resource').ok).toBe(false);
  });

  it('splits statements by effect and keeps their index and path', () => {
    const entry = compiledPolicy(document, 'identity');
    if (!entry.ok) throw new Error('refused');
    expect(entry.allows.map((s) => [s.index, s.path])).toEqual([[0, '/Statement/0']]);
    expect(entry.denies.map((s) => [s.index, s.path])).toEqual([[1, '/Statement/1']]);
  });

  it('marks Resource patterns with variables only when the Version interprets them', () => {
    const withVariable = (version: string) => ({ Version: version, Statement: { Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/${aws:username}/*' } });
    const modern = compiledPolicy(withVariable('2012-10-17'), 'identity');
    const legacy = compiledPolicy(withVariable('2008-10-17'), 'identity');
    if (!modern.ok || !legacy.ok) throw new Error('refused');
    expect(modern.allows[0]!.resources![0]!.variable).toBe(true);
    expect(legacy.allows[0]!.resources![0]!.variable).toBe(false);
  });
});

describe('preparedPolicies', () => {
  const set: PolicySet = { identity: [{ id: 'p', document }] };
  it('prepares a policy set once per object', () => {
    expect(preparedPolicies(set, false)).toBe(preparedPolicies(set, false));
  });
  it('prepares the resource policy as a trust policy for role-trust requests', () => {
    const trust: PolicySet = { identity: [], resource: { id: 't', document: { Version: '2012-10-17', Statement: { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' } } } };
    expect(preparedPolicies(trust, true).kind).toBe('prepared');
    expect(preparedPolicies(trust, false).kind).toBe('malformed');
  });
});

// The policy text the stage shows: joining the tokens gives the same JSON back, every token knows the
// JSON pointer of its value, and the lookups used for highlighting find the right leaves.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pathsOfText, policyLines, valueAt } from '../../../src/lib/ui/stage/policyTokens';
import { statementMarks, statementPath } from '../../../src/lib/ui/stage/describeFrame';
import type { Json } from '../../../src/lib/domain/policy/types';
import { framesOf } from '../../../src/lib/machines/frames';
import { explicitDenyRecord, developersS3 } from '../../machines/fixtures/records';

const text = (doc: Json) => policyLines(doc).map((l) => l.tokens.map((t) => t.text).join('')).join('\n');

describe('policyLines', () => {
  it('round-trips any JSON document (a top-level string is policy text, parsed first)', () => {
    fc.assert(
      fc.property(fc.jsonValue().filter((v) => typeof v !== 'string'), (value) => {
        const doc = value as Json;
        expect(JSON.parse(text(doc))).toEqual(JSON.parse(JSON.stringify(doc)));
      }),
    );
  });

  it('tags each value with its pointer and keeps short lists of strings on one line', () => {
    const lines = policyLines(developersS3.document);
    const action = lines.find((l) => l.tokens.some((t) => t.text === '"s3:Get*"'))!;
    expect(action.tokens.map((t) => t.text).join('')).toBe('"Action": ["s3:List*", "s3:Get*"],');
    expect(action.tokens.find((t) => t.text === '"s3:Get*"')!.path).toBe('/Statement/0/Action/1');
    expect(action.tokens.find((t) => t.text === '"Action"')).toMatchObject({ path: '/Statement/0/Action', frame: 'key' });
  });

  it('escapes keys in pointers as RFC 6901 says', () => {
    const lines = policyLines({ Condition: { StringEquals: { 'a/b~c': 'x' } } });
    const leaf = lines.flatMap((l) => l.tokens).find((t) => t.text === '"x"')!;
    expect(leaf.path).toBe('/Condition/StringEquals/a~1b~0c');
    expect(valueAt({ Condition: { StringEquals: { 'a/b~c': 'x' } } }, leaf.path)).toBe('x');
  });

  it('shows text that is not JSON as plain lines', () => {
    expect(policyLines('{ not json\nat all').map((l) => l.tokens[0]!.text)).toEqual(['{ not json', 'at all']);
  });
});

describe('highlight lookups', () => {
  it('finds the pattern a statement matched, case-insensitively, and nothing else', () => {
    expect(pathsOfText(developersS3.document, '/Statement/0/Action', 'S3:get*')).toEqual(['/Statement/0/Action/1']);
    expect(pathsOfText(developersS3.document, '/Statement/1/Action', 's3:Get*')).toEqual([]);
  });

  it('a single Statement object is addressed as /Statement', () => {
    expect(statementPath({ Statement: { Effect: 'Allow' } }, 0)).toBe('/Statement');
    expect(statementPath({ Statement: [{}, {}] }, 1)).toBe('/Statement/1');
  });

  it('marks the statement, the matching Action pattern and the condition of a matching Deny', () => {
    const record = explicitDenyRecord();
    const frame = framesOf(record).find((f) => f.kind === 'trace.statement' && f.step.sid === 'NoDeletesFromOffice')!;
    if (frame.kind !== 'trace.statement') throw new Error('expected a statement frame');
    const doc = record.authorization!.checks[0]!.policies.find((p) => p.id === frame.step.ref.policyId)!.document;
    expect(statementMarks(doc, frame.step, frame.conditions)).toEqual([
      { path: '/Statement', kind: 'focus' },
      { path: '/Statement/Action', kind: 'match' },
      { path: '/Statement/Resource', kind: 'match' },
      { path: '/Statement/Condition/IpAddress/aws:SourceIp', kind: 'match', withKey: true },
    ]);
  });
});

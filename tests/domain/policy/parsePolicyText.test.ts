// The position-tracking JSON parser: values, positions of values and keys, syntax errors with
// line/column, duplicate keys. Grammar: RFC 8259 (JSON), which IAM policies follow
// ("IAM JSON policy grammar", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html).
import { describe, expect, it } from 'vitest';
import { parsePolicyText } from '../../../src/lib/domain/policy';

describe('values', () => {
  it.each<[string]>([
    ['{}'],
    ['[]'],
    ['"text with \\"quotes\\" and \\u00e9 and \\n"'],
    ['-12.5e+3'],
    ['0'],
    ['true'],
    ['null'],
    ['{"a":[1,{"b":false}],"c":"d"}'],
    [' \n\t {"Version" : "2012-10-17" , "Statement" : [ ] } \r\n'],
  ])('parses %j exactly like JSON.parse', (text) => {
    const result = parsePolicyText(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toEqual(JSON.parse(text));
  });

  it('keeps "__proto__" as an ordinary member', () => {
    const result = parsePolicyText('{"__proto__": {"polluted": true}}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.keys(result.value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('accepts a leading byte-order mark', () => {
    expect(parsePolicyText('\ufeff{"a":1}').ok).toBe(true);
  });
});

describe('positions', () => {
  const text = [
    '{',
    '  "Version": "2012-10-17",',
    '  "Statement": [',
    '    { "Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"] }',
    '  ],',
    '  "a/b~c": 1',
    '}',
  ].join('\n');
  const result = parsePolicyText(text);
  if (!result.ok) throw new Error('fixture must parse');
  const { positions } = result;

  it.each<[string, number, number]>([
    ['', 1, 1],
    ['/Version', 2, 14],
    ['/Statement', 3, 16],
    ['/Statement/0', 4, 5],
    ['/Statement/0/Effect', 4, 17],
    ['/Statement/0/Action/1', 4, 53],
    ['/a~1b~0c', 6, 12],
  ])('value at %s is at %i:%i', (pointer, line, column) => {
    expect(positions.positionOf(pointer)).toEqual({ line, column });
  });

  it.each<[string, number, number]>([
    ['/Version', 2, 3],
    ['/Statement/0/Action', 4, 26],
  ])('key of %s is at %i:%i', (pointer, line, column) => {
    expect(positions.keyPositionOf(pointer)).toEqual({ line, column });
  });

  it('locates a missing member at its nearest existing ancestor', () => {
    expect(positions.positionOf('/Statement/0/Resource')).toBeUndefined();
    expect(positions.locate('/Statement/0/Resource')).toEqual({ line: 4, column: 5 });
    expect(positions.locate('/Version', true)).toEqual({ line: 2, column: 3 });
  });

  it('counts CRLF and lone CR as one line break each', () => {
    const crlf = parsePolicyText('{\r\n"a":\r"b"}');
    expect(crlf.ok && crlf.positions.positionOf('/a')).toEqual({ line: 3, column: 1 });
  });
});

describe('syntax errors', () => {
  it.each<[string, string, number, number, RegExp]>([
    ['empty text', '', 1, 1, /empty/],
    ['only whitespace', '  \n  ', 2, 3, /empty/],
    ['trailing comma in an object', '{\n  "a": 1,\n}', 3, 1, /quoted property name/],
    ['trailing comma in an array', '[1,]', 1, 4, /JSON value/],
    ['missing comma', '{"a": 1\n "b": 2}', 2, 2, /"," or "}"/],
    ['single quotes', "{'a': 1}", 1, 2, /quoted property name/],
    ['unterminated string', '{"a": "b', 1, 9, /closing quote/],
    ['line break inside a string', '{"a": "b\nc"}', 1, 9, /control characters/],
    ['bad escape', '"\\x"', 1, 3, /escape/],
    ['bad unicode escape', '"\\u12G4"', 1, 4, /hex digits/],
    ['leading zero', '01', 1, 2, /end of input/],
    ['bare word', '{"Effect": Allow}', 1, 12, /JSON value/],
    ['text after the document', '{} {}', 1, 4, /end of input/],
    ['missing colon', '{"a" 1}', 1, 6, /":"/],
    ['unclosed array', '[1, 2', 1, 6, /end of input/],
    ['lone minus', '-', 1, 1, /number/],
  ])('%s', (_name, text, line, column, detail) => {
    const result = parsePolicyText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toHaveLength(1);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic).toMatchObject({ severity: 'error', code: 'policy.json.syntax', path: '', line, column });
    expect(String(diagnostic?.params?.['detail'])).toMatch(detail);
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const result = parsePolicyText('['.repeat(100_000));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]?.code).toBe('policy.json.tooDeep');
  });
});

describe('duplicate keys', () => {
  it('warns at the repeated key and keeps the last value, as JSON.parse does', () => {
    const result = parsePolicyText('{\n  "Effect": "Deny",\n  "Effect": "Allow"\n}');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({ Effect: 'Allow' });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'policy.json.duplicateKey', path: '/Effect', line: 3, column: 3 }),
    ]);
  });
});

describe('numbers', () => {
  it.each<[string]>([['1'.repeat(600)], ['-0.000001e-7'], ['1E400'], ['[1,-2,3.5]']])('reads %s as JSON.parse does', (text) => {
    const result = parsePolicyText(text);
    expect(result.ok && result.value).toEqual(JSON.parse(text));
  });

  it.each<[string]>([['-'], ['1.'], ['.5'], ['-01'], ['+1'], ['1e']])('rejects %s', (text) => {
    expect(parsePolicyText(text).ok).toBe(false);
  });
});

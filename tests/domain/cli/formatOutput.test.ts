// Output formats as the AWS CLI prints them. AWS: AWS CLI User Guide, "Setting the output format in the
// AWS CLI" (https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html): JSON, text
// (tab-separated, one line per object, nested lists prefixed by their upper-cased key) and table (+|- borders).
import { describe, expect, it } from 'vitest';
import type { Json } from '../../../src/lib/domain/policy/types';
import { formatJson, formatOutput, formatTable, formatText } from '../../../src/lib/domain/cli/formatOutput';

const caller = { UserId: 'AIDAEXAMPLE', Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/dave' };

describe('json', () => {
  it('indents four spaces and keeps the response order', () => {
    expect(formatJson(caller)).toBe(
      ['{', '    "UserId": "AIDAEXAMPLE",', '    "Account": "111122223333",', '    "Arn": "arn:aws:iam::111122223333:user/dave"', '}'].join('\n'),
    );
  });

  it.each([[{}], [null]])('prints nothing for an empty response %j', (value) => {
    expect(formatOutput(value, 'json', 'X')).toBe('');
    expect(formatOutput(value, 'text', 'X')).toBe('');
    expect(formatOutput(value, 'table', 'X')).toBe('');
  });
});

describe('text', () => {
  it('prints an object’s scalars on one line, sorted by key', () => {
    expect(formatText(caller)).toBe('111122223333\tarn:aws:iam::111122223333:user/dave\tAIDAEXAMPLE');
  });

  it('prefixes each element of a nested list with its upper-cased key', () => {
    const users: Json = {
      Users: [
        { UserName: 'alice', Path: '/', Tags: [{ Key: 'Team', Value: 'Platform' }] },
        { UserName: 'bob', Path: '/' },
      ],
      IsTruncated: false,
    };
    expect(formatText(users).split('\n')).toEqual(['False', 'USERS\t/\talice', 'TAGS\tTeam\tPlatform', 'USERS\t/\tbob']);
  });

  it('fills a missing key of a list element with an empty column', () => {
    expect(formatText({ Items: [{ A: '1', B: '2' }, { A: '3' }] }).split('\n')).toEqual(['ITEMS\t1\t2', 'ITEMS\t3\t']);
  });

  it('prints a bare list of scalars tab-separated and lists of lists one per line (a --query projection)', () => {
    expect(formatText(['alice', 'bob'])).toBe('alice\tbob');
    expect(formatText([['vol-1', 'i-1', 30], ['vol-2', null, 8]])).toBe('vol-1\ti-1\t30\nvol-2\tNone\t8');
  });

  it('writes booleans and null the way Python does', () => {
    expect(formatText({ A: true, B: null })).toBe('True\tNone');
  });
});

describe('table', () => {
  it('titles the table with the operation and lines up headers and cells', () => {
    const lines = formatTable(caller, 'GetCallerIdentity').split('\n');
    const width = lines[0]?.length ?? 0;
    expect(lines[0]).toBe('-'.repeat(width));
    expect(lines[1]).toMatch(/^\|\s+GetCallerIdentity\s+\|$/);
    expect(lines[2]).toMatch(/^\+-+\+-+\+-+\+$/);
    expect(lines[3]).toMatch(/^\|\s+Account\s+\|\s+Arn\s+\|\s+UserId\s+\|$/);
    expect(lines[5]).toContain('|  111122223333');
    expect(lines.every((l) => l.length === width)).toBe(true);
  });

  it('nests a list of objects as an inner section with its own title', () => {
    const text = formatTable({ Users: [{ UserName: 'alice' }, { UserName: 'bob' }] }, 'ListUsers');
    const lines = text.split('\n');
    expect(lines.some((l) => /^\|\|\s+Users\s+\|\|$/.test(l))).toBe(true);
    expect(lines.some((l) => /^\|\|\s+UserName\s+\|\|$/.test(l))).toBe(true);
    expect(lines.filter((l) => l.includes('||  alice') || l.includes('||  bob'))).toHaveLength(2);
  });

  it('prints a list of lists (a --query projection) as rows of one table', () => {
    const lines = formatTable([['alice', 'arn:aws:iam::111122223333:user/alice'], ['bob', 'arn:aws:iam::111122223333:user/bob']], 'ListUsers').split('\n');
    expect(lines.filter((l) => l.includes('ListUsers'))).toHaveLength(1);
    expect(lines.filter((l) => /^\|  (alice|bob)\s+\|  arn:/.test(l))).toHaveLength(2);
  });
});

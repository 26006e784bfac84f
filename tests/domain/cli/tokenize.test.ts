// Shell word splitting for the terminal: quotes, escapes, comments and pipes (bash's rules for these cases).
import { describe, expect, it } from 'vitest';
import { quoteWord, tokenize } from '../../../src/lib/domain/cli/tokenize';

describe('tokenize', () => {
  it.each([
    ['aws iam list-users', ['aws', 'iam', 'list-users']],
    ['  aws   sts\tget-caller-identity  ', ['aws', 'sts', 'get-caller-identity']],
    [`aws iam put-user-policy --policy-document '{"Version": "2012-10-17"}'`, ['aws', 'iam', 'put-user-policy', '--policy-document', '{"Version": "2012-10-17"}']],
    ['echo "a \\"quoted\\" word"', ['echo', 'a "quoted" word']],
    ["echo it\\'s", ['echo', "it's"]],
    ["echo 'a'b\"c\"", ['echo', 'abc']],
    ['aws s3 ls # list buckets', ['aws', 's3', 'ls']],
    ['# only a comment', []],
    ['echo a#b', ['echo', 'a#b']],
    ["echo ''", ['echo', '']],
  ])('%s', (line, words) => {
    const r = tokenize(line);
    expect(r.ok && r.words).toEqual(words);
  });

  it('splits pipelines at unquoted bars only', () => {
    const r = tokenize("echo 'a|b' | aws s3 cp - s3://b/k");
    expect(r.ok && r.pipes).toEqual([
      ['echo', 'a|b'],
      ['aws', 's3', 'cp', '-', 's3://b/k'],
    ]);
  });

  it.each([["echo 'open"], ['echo "open'], ['| aws s3 ls'], ['echo a |']])('reports %s as malformed', (line) => {
    expect(tokenize(line).ok).toBe(false);
  });

  it.each([['plain'], ['with space'], ["it's"], [''], ['{"a": 1}'], ['s3://bucket/key']])('quoteWord round-trips %s', (word) => {
    const r = tokenize(`x ${quoteWord(word)}`);
    expect(r.ok && r.words[1]).toBe(word);
  });
});

// Shell expansions before word splitting (Bash Reference Manual, "Shell Expansions"): variables, $?,
// command substitution; nothing inside single quotes.
import { describe, expect, it } from 'vitest';
import { expandLine } from '../../../src/lib/domain/cli/expandLine';
import { tokenize } from '../../../src/lib/domain/cli/tokenize';

const ex = {
  vars: { KEY: 'AKIAEXAMPLE', SECRET: 'a/b+c', SPACED: 'two words', QUOTE: `it's "x"` },
  lastExitCode: 254,
  substitute: async (command: string) => `out(${command})\n`,
};

async function wordsOf(line: string): Promise<readonly string[]> {
  const r = await expandLine(line, ex);
  if (!r.ok) throw new Error(r.message);
  const t = tokenize(r.line);
  if (!t.ok) throw new Error(t.message);
  return t.words;
}

describe('expandLine', () => {
  it.each([
    ['echo $KEY', ['echo', 'AKIAEXAMPLE']],
    ['echo ${KEY}x', ['echo', 'AKIAEXAMPLEx']],
    ['echo $?', ['echo', '254']],
    ['echo $MISSING end', ['echo', 'end']],
    ['echo $SPACED', ['echo', 'two', 'words']],
    ['echo "$SPACED"', ['echo', 'two words']],
    ['echo "$QUOTE"', ['echo', `it's "x"`]],
    ['echo $QUOTE', ['echo', "it's", '"x"']],
    ["echo '$KEY'", ['echo', '$KEY']],
    ['echo \\$KEY', ['echo', '$KEY']],
    ['echo $SECRET', ['echo', 'a/b+c']],
    ['X=$(aws sts get-caller-identity)', ['X=out(aws', 'sts', 'get-caller-identity)']],
    ['echo "$(aws iam list-users --query \'Users[0]\')"', ['echo', "out(aws iam list-users --query 'Users[0]')"]],
    ['echo cost: 5$', ['echo', 'cost:', '5$']],
  ])('%s', async (line, words) => {
    expect(await wordsOf(line)).toEqual(words);
  });

  it('reports an unclosed substitution', async () => {
    expect(await expandLine('echo $(aws iam list-users', ex)).toMatchObject({ ok: false });
  });
});

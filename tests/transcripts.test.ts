// Transcript tests: each tests/transcripts/NAME.txt runs headless through `npm run lab` and must print
// exactly tests/transcripts/NAME.out. A first line "#! <options>" gives the script's options (e.g. --as user/bob).
// After an intended change, regenerate with UPDATE_TRANSCRIPTS=1 npx vitest run tests/transcripts.test.ts and review the diff.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLabArgs, runLab } from '../scripts/lab';

const dir = join(import.meta.dirname, 'transcripts');
const scripts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

describe('transcripts', () => {
  it('has transcripts to run', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(4);
  });

  it.each(scripts)('%s', async (file) => {
    const path = join(dir, file);
    const header = /^#!(.*)$/m.exec(readFileSync(path, 'utf8').split('\n')[0] ?? '');
    const options = parseLabArgs([...(header?.[1]?.trim().split(/\s+/).filter(Boolean) ?? []), path]);
    if (typeof options === 'string') throw new Error(options);
    const result = await runLab(options, (p) => readFileSync(p, 'utf8'));
    if (!result.ok) throw new Error(result.error);
    const expectedPath = path.replace(/\.txt$/, '.out');
    if (process.env.UPDATE_TRANSCRIPTS === '1') writeFileSync(expectedPath, result.transcript);
    expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE_TRANSCRIPTS=1`).toBe(true);
    expect(result.transcript).toBe(readFileSync(expectedPath, 'utf8'));
  }, 30_000);
});

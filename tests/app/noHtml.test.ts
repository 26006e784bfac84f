// Guards the "hostile input is inert" rule at the source: no component renders raw HTML, no UI module
// writes markup strings into the DOM. Text reaches the page only through Svelte's escaped expressions.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Lines of `file` matching `pattern`, as "path:line: text" so a failure points at the culprit. */
function offenders(files: readonly string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(join(root, file), 'utf8')
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

const rawHtmlTag = /\{\s*@html\b/;
const htmlSink = /\b(innerHTML|outerHTML|insertAdjacentHTML)\b/;

describe('no raw HTML in the UI', () => {
  it('finds the files it is meant to police', () => {
    expect(filesUnder('src', '.svelte').length).toBeGreaterThan(10);
    expect(filesUnder('src/lib/ui', '.ts').length).toBeGreaterThan(5);
  });

  it('no .svelte file under src uses {@html}', () => {
    expect(offenders(filesUnder('src', '.svelte'), rawHtmlTag)).toEqual([]);
  });

  it('no .ts or .svelte file under src/lib/ui sets innerHTML, outerHTML or insertAdjacentHTML', () => {
    const files = [...filesUnder('src/lib/ui', '.ts'), ...filesUnder('src/lib/ui', '.svelte')];
    expect(offenders(files, htmlSink)).toEqual([]);
  });

  it.each([
    ['{@html description}', rawHtmlTag, true],
    ["{ @html x }", rawHtmlTag, true],
    ["{@const html = 1}", rawHtmlTag, false],
    ['el.innerHTML = text;', htmlSink, true],
    ["node.insertAdjacentHTML('beforeend', s)", htmlSink, true],
    ['el.textContent = text;', htmlSink, false],
  ])('the pattern check flags %s: %s', (line, pattern, flagged) => {
    expect(pattern.test(line)).toBe(flagged);
  });
});

// Splits one terminal line into words the way a POSIX shell does for the cases a learner types:
// single quotes (literal), double quotes (with \" \\ \$ escapes), backslash escapes, `#` comments
// and `|` pipes. Invariant: never throws; an unclosed quote is reported, not guessed at.

export type Tokenized =
  | { readonly ok: true; readonly words: readonly string[]; readonly pipes: readonly (readonly string[])[] }
  | { readonly ok: false; readonly message: string };

/** Words of one line, split into pipeline stages at unquoted `|`. */
export function tokenize(line: string): Tokenized {
  const stages: string[][] = [[]];
  let word = '';
  let inWord = false;
  let i = 0;
  const push = () => {
    if (inWord) stages[stages.length - 1]?.push(word);
    word = '';
    inWord = false;
  };
  while (i < line.length) {
    const c = line.charAt(i);
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, message: 'unexpected EOF while looking for matching `\'\'' };
      word += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let closed = false;
      while (j < line.length) {
        const d = line.charAt(j);
        if (d === '\\' && j + 1 < line.length && '"\\$`'.includes(line.charAt(j + 1))) {
          word += line.charAt(j + 1);
          j += 2;
        } else if (d === '"') {
          closed = true;
          break;
        } else {
          word += d;
          j += 1;
        }
      }
      if (!closed) return { ok: false, message: 'unexpected EOF while looking for matching `"\'' };
      inWord = true;
      i = j + 1;
    } else if (c === '\\') {
      if (i + 1 < line.length) word += line.charAt(i + 1);
      inWord = true;
      i += 2;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      push();
      i += 1;
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === '|') {
      push();
      stages.push([]);
      i += 1;
    } else {
      word += c;
      inWord = true;
      i += 1;
    }
  }
  push();
  if (stages.length > 1 && stages.some((s) => s.length === 0)) return { ok: false, message: "syntax error near unexpected token `|'" };
  return { ok: true, words: stages.flat(), pipes: stages };
}

/** Quotes a word so `tokenize` gives it back unchanged (for completion and echoing commands). */
export function quoteWord(word: string): string {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

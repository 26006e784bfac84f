// Shell expansions the lab's terminal supports before splitting words: $NAME, ${NAME}, $? and command
// substitution $(...). Invariant: nothing is expanded inside single quotes; a substituted value is quoted
// back so its characters stay literal (inside double quotes it stays one word, outside it splits on spaces).
// Bash Reference Manual, "Shell Expansions" (parameter expansion, command substitution, word splitting).

export interface Expansion {
  readonly vars: Readonly<Record<string, string>>;
  readonly lastExitCode: number;
  /** Runs the command inside $(...) and returns its standard output. */
  readonly substitute: (command: string) => Promise<string>;
}

export type Expanded = { readonly ok: true; readonly line: string } | { readonly ok: false; readonly message: string };

function quoteInDouble(value: string): string {
  return value.replace(/(["\\$`])/g, '\\$1');
}

function quoteBare(value: string): string {
  return value
    .split(/\s+/)
    .filter((w) => w !== '')
    .map((w) => `'${w.replace(/'/g, `'\\''`)}'`)
    .join(' ');
}

/** Index of the `)` closing the `$(` that opens at `open`, skipping quoted text; -1 when unclosed. */
function closingParen(line: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < line.length; i += 1) {
    const c = line.charAt(i);
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i += 1;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i += 1;
    else if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Expands `line`; a line without `$` comes back unchanged. */
export async function expandLine(line: string, ex: Expansion): Promise<Expanded> {
  if (!line.includes('$')) return { ok: true, line };
  let out = '';
  let inDouble = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line.charAt(i);
    if (c === "'" && !inDouble) {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: true, line: out + line.slice(i) };
      out += line.slice(i, end + 1);
      i = end;
    } else if (c === '"') {
      inDouble = !inDouble;
      out += c;
    } else if (c === '\\') {
      out += line.slice(i, i + 2);
      i += 1;
    } else if (c === '$' && line.charAt(i + 1) === '(') {
      const end = closingParen(line, i + 1);
      if (end < 0) return { ok: false, message: 'unexpected EOF while looking for matching `)\'' };
      const value = (await ex.substitute(line.slice(i + 2, end))).replace(/\n+$/, '');
      out += inDouble ? quoteInDouble(value) : quoteBare(value);
      i = end;
    } else if (c === '$') {
      const m = /^\$(?:\{(\w+)\}|(\w+)|(\?))/.exec(line.slice(i));
      if (!m) {
        out += c;
        continue;
      }
      const value = m[3] ? String(ex.lastExitCode) : (ex.vars[m[1] ?? m[2] ?? ''] ?? '');
      out += inDouble ? quoteInDouble(value) : quoteBare(value);
      i += m[0].length - 1;
    } else out += c;
  }
  return { ok: true, line: out };
}

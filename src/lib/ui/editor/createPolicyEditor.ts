// The CodeMirror 6 side of the policy editor (loaded lazily by PolicyEditor.svelte): JSON language,
// lint from the engine and the catalog, completion, format, read-only mode with highlighted ranges.
// Invariant: the editor never owns the policy — every edit goes out through onChange.
import { EditorState, Compartment, StateEffect, StateField } from '@codemirror/state';
import type { Extension, Text } from '@codemirror/state';
import { EditorView, Decoration, keymap, lineNumbers, highlightActiveLine } from '@codemirror/view';
import type { DecorationSet } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { bracketMatching, syntaxHighlighting, HighlightStyle, syntaxTree } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { forceLinting, linter, lintGutter } from '@codemirror/lint';
import type { Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { autocompletion, closeBrackets } from '@codemirror/autocomplete';
import type { PolicyKind } from '../../domain/policy';
import { parsePolicyText } from '../../domain/policy';
import { checkPolicy } from '../../domain/checks';
import type { Finding } from '../../domain/checks';
import { servicesNamedIn } from '../../domain/catalog';
import type { Catalog } from '../../domain/catalog';
import { policyCompletions } from './policyCompletions';
import { policyHover } from './policyHover';
import type { CompletionDeps } from './policyCompletions';

export interface Highlight {
  /** JSON pointer of the value to highlight, e.g. '/Statement/1' or '/Statement/0/Action/2'. */
  readonly path: string;
  readonly tone?: 'match' | 'deny' | 'focus';
}

export interface PolicyEditorOptions extends CompletionDeps {
  readonly parent: HTMLElement;
  readonly value: string;
  readonly kind: PolicyKind;
  readonly readonly: boolean;
  readonly label: string;
  readonly onChange: (text: string) => void;
  readonly catalog: () => Promise<Catalog>;
}

export interface PolicyEditorHandle {
  setValue(text: string): void;
  setReadonly(readonly: boolean): void;
  /** Re-lints under another policy kind (a bucket policy needs a Principal, an identity policy must not have one). */
  setKind(kind: PolicyKind): void;
  setHighlights(highlights: readonly Highlight[]): void;
  format(): boolean;
  focus(): void;
  destroy(): void;
}

/** Offset range of a finding: the token that starts at its line/column (a string up to its closing quote). */
export function findingRange(doc: Text, line: number, column: number): { from: number; to: number } {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  const from = Math.min(l.from + Math.max(column - 1, 0), l.to);
  const rest = l.text.slice(from - l.from);
  const m = /^"(?:[^"\\]|\\.)*"?|^[^\s,:{}[\]]+/.exec(rest);
  const to = Math.min(from + Math.max(m ? m[0].length : 1, 1), l.to);
  return { from, to: to > from ? to : Math.min(from + 1, doc.length) };
}

const severity: Readonly<Record<Finding['kind'], CmDiagnostic['severity']>> = {
  error: 'error',
  securityWarning: 'warning',
  warning: 'warning',
  suggestion: 'info',
};

/** The lint source: the same findings as the checks panel, placed at their line and column. */
export async function lintPolicy(doc: Text, kind: PolicyKind, catalog: Catalog | undefined): Promise<CmDiagnostic[]> {
  const text = doc.toString();
  if (catalog) {
    const parsed = parsePolicyText(text);
    if (parsed.ok) await catalog.ensure(servicesNamedIn(parsed.value));
  }
  return checkPolicy(text, kind, catalog).findings.map((f) => {
    const { from, to } = f.line !== undefined ? findingRange(doc, f.line, f.column ?? 1) : { from: 0, to: Math.min(1, doc.length) };
    return { from, to, severity: severity[f.kind], message: f.message, source: f.code };
  });
}

/** Start and end offsets of the JSON value a pointer names (uses positions from the engine's parser). */
export function pointerRange(state: EditorState, path: string): { from: number; to: number } | undefined {
  const parsed = parsePolicyText(state.doc.toString());
  if (!parsed.ok) return undefined;
  const at = parsed.positions.positionOf(path);
  if (!at || at.line > state.doc.lines) return undefined;
  const from = state.doc.line(at.line).from + at.column - 1;
  let node = syntaxTree(state).resolveInner(from, 1);
  while (node.parent && node.parent.from === from && node.parent.name !== 'JsonText' && node.parent.name !== 'Property') node = node.parent;
  return { from, to: Math.max(node.to, from + 1) };
}

const setHighlights = StateEffect.define<DecorationSet>();
const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update: (deco, tr) => {
    for (const e of tr.effects) if (e.is(setHighlights)) return e.value;
    return deco.map(tr.changes);
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** Colours from the design tokens, so both themes keep AA contrast. */
const jsonHighlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--kind-user)' },
  { tag: tags.string, color: 'var(--allowed)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--kind-role)' },
  { tag: [tags.brace, tags.squareBracket, tags.separator], color: 'var(--text-muted)' },
]);

const theme = EditorView.theme({
  '&': {
    fontSize: '14px',
    color: 'var(--text)',
    border: '1px solid var(--border, #8886)',
    borderRadius: 'var(--radius, 6px)',
    background: 'var(--surface, transparent)',
  },
  '.cm-gutters': { background: 'transparent', border: 'none', color: 'var(--text-muted)' },
  '.cm-activeLine, .cm-activeLineGutter': { background: 'transparent' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused': { outline: '2px solid var(--accent, #1d5c63)', outlineOffset: '2px' },
  '.cm-content': { fontFamily: 'ui-monospace, "SF Mono", Menlo, Consolas, monospace', minHeight: '6em' },
  '.cm-policy-hover': { padding: '4px 8px', maxWidth: '28rem', color: 'var(--text)', background: 'var(--surface)' },
  '.cm-hl-match': { background: 'var(--allowed-bg, #d5f5e3)', outline: '1px solid var(--allowed, #1a7f4b)' },
  '.cm-hl-deny': { background: 'var(--explicit-deny-bg, #fde2e1)', outline: '1px solid var(--explicit-deny, #b42318)' },
  '.cm-hl-focus': { background: 'var(--accent-bg, #dcecef)', outline: '1px solid var(--accent, #1d5c63)' },
});

export function createPolicyEditor(options: PolicyEditorOptions): PolicyEditorHandle {
  const readOnly = new Compartment();
  let kind = options.kind;
  let catalog: Catalog | undefined;
  const catalogReady = options.catalog().then((c) => (catalog = c));
  const lint = linter(
    async (view) => {
      await catalogReady.catch(() => undefined);
      return lintPolicy(view.state.doc, kind, catalog);
    },
    { delay: 300 },
  );
  const readOnlyExtensions = (ro: boolean): Extension => [EditorState.readOnly.of(ro), EditorView.editable.of(!ro)];
  const view = new EditorView({
    parent: options.parent,
    state: EditorState.create({
      doc: options.value,
      extensions: [
        lineNumbers(),
        highlightActiveLine(),
        history(),
        bracketMatching(),
        closeBrackets(),
        json(),
        syntaxHighlighting(jsonHighlight),
        lintGutter(),
        lint,
        autocompletion({ override: [policyCompletions(options, () => catalogReady)] }),
        policyHover(() => catalog),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab, { key: 'Shift-Alt-f', run: () => format() }]),
        highlightField,
        readOnly.of(readOnlyExtensions(options.readonly)),
        theme,
        // Wrapped lines: no scrollable region (keyboard users could not scroll it) and it fits narrow columns.
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-label': options.label, 'aria-multiline': 'true' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) options.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });

  function format(): boolean {
    const text = view.state.doc.toString();
    let pretty: string;
    try {
      pretty = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      return false;
    }
    if (pretty !== text) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: pretty } });
    return true;
  }

  return {
    setValue(text) {
      if (text !== view.state.doc.toString()) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setKind(next) {
      if (next === kind) return;
      kind = next;
      forceLinting(view);
    },
    setReadonly(ro) {
      view.dispatch({ effects: readOnly.reconfigure(readOnlyExtensions(ro)) });
    },
    setHighlights(highlights) {
      const ranges = highlights
        .flatMap((h) => {
          const r = pointerRange(view.state, h.path);
          return r ? [Decoration.mark({ class: `cm-hl-${h.tone ?? 'focus'}` }).range(r.from, r.to)] : [];
        })
        .sort((a, b) => a.from - b.from);
      view.dispatch({ effects: setHighlights.of(Decoration.set(ranges, true)) });
    },
    format,
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}

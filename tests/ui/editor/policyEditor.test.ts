// @vitest-environment jsdom
// The policy editor's lint (engine + catalog findings placed on the exact token), completion context and
// options, and the mounted component: CodeMirror replaces the textarea and underlines the finding.
import { describe, expect, it, vi } from 'vitest';
import { render, screen, cleanup } from '@testing-library/svelte';
import { EditorState, Text } from '@codemirror/state';
import { CompletionContext } from '@codemirror/autocomplete';
import type { CompletionResult } from '@codemirror/autocomplete';
import { afterEach } from 'vitest';
import { findingRange, lintPolicy, pointerRange } from '../../../src/lib/ui/editor/createPolicyEditor';
import { contextAt, policyCompletions } from '../../../src/lib/ui/editor/policyCompletions';
import { describeAction } from '../../../src/lib/ui/editor/policyHover';
import { expandActions } from '../../../src/lib/domain/catalog';
import PolicyEditor from '../../../src/lib/ui/editor/PolicyEditor.svelte';
import { loadedCatalog, nodeCatalog } from '../../domain/catalog/nodeCatalog';

afterEach(() => cleanup());

const policy = (statement: object): string => JSON.stringify({ Version: '2012-10-17', Statement: [statement] }, null, 2);
const slice = (doc: Text, r: { from: number; to: number }): string => doc.sliceString(r.from, r.to);

describe('lintPolicy', () => {
  it.each([
    ['an unknown action (catalog)', { Effect: 'Allow', Action: 's3:GetObjects', Resource: '*' }, 'warning', 'catalog.action.unknown', '"s3:GetObjects"'],
    ['an invalid Effect (engine)', { Effect: 'Permit', Action: 's3:GetObject', Resource: '*' }, 'error', 'policy.statement.effect.invalid', '"Permit"'],
    ['PassRole on * (security)', { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }, 'warning', 'check.passRole.star', '"*"'],
    ['a redundant action (suggestion)', { Effect: 'Allow', Action: ['s3:GetObject', 's3:Get*'], Resource: '*' }, 'info', 'check.action.redundant', '['],
  ])('places %s on its token with the right severity', async (_name, statement, severity, code, token) => {
    const catalog = await loadedCatalog('s3', 'iam');
    const doc = Text.of(policy(statement).split('\n'));
    const found = (await lintPolicy(doc, 'identity', catalog)).find((d) => d.source === code);
    expect(found?.severity).toBe(severity);
    expect(found && slice(doc, found)).toBe(token);
  });

  it('loads the services the document names before judging it', async () => {
    const catalog = nodeCatalog();
    const doc = Text.of(policy({ Effect: 'Allow', Action: 'dynamodb:GetItems', Resource: '*' }).split('\n'));
    expect(catalog.service('dynamodb')).toBeUndefined();
    const found = await lintPolicy(doc, 'identity', catalog);
    expect(found.map((d) => d.source)).toContain('catalog.action.unknown');
  });

  it('reports a syntax error at its line and column', async () => {
    const doc = Text.of(['{', '  "Version": "2012-10-17",', '  "Statement": [ }', '}']);
    const [first] = await lintPolicy(doc, 'identity', undefined);
    expect(first?.severity).toBe('error');
    expect(doc.lineAt(first?.from ?? 0).number).toBe(3);
  });

  it('clamps ranges to the document', () => {
    const doc = Text.of(['{}']);
    expect(findingRange(doc, 9, 40)).toEqual({ from: 2, to: 2 });
    expect(findingRange(doc, 1, 1)).toEqual({ from: 0, to: 1 });
  });
});

describe('pointerRange', () => {
  it('spans the whole value a JSON pointer names', async () => {
    const { json } = await import('@codemirror/lang-json');
    const text = policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' });
    const state = EditorState.create({ doc: text, extensions: [json()] });
    const range = pointerRange(state, '/Statement/0/Action/1');
    expect(range && state.doc.sliceString(range.from, range.to)).toBe('"s3:PutObject"');
    const statement = pointerRange(state, '/Statement/0');
    expect(statement && JSON.parse(state.doc.sliceString(statement.from, statement.to))).toEqual({ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: '*' });
  });
});

describe('completion', () => {
  it.each([
    ['{ "', { kind: 'key', parents: [] }],
    ['{ "Statement": [ { "', { kind: 'key', parents: ['Statement'] }],
    ['{ "Statement": [ { "Effect": "', { kind: 'value', key: 'Effect', parents: ['Statement'] }],
    ['{ "Statement": [ { "Action": [ "s3:GetObject", "', { kind: 'value', key: 'Action', parents: ['Statement'] }],
    ['{ "Statement": [ { "Condition": { "', { kind: 'key', parents: ['Statement', 'Condition'] }],
    ['{ "Statement": [ { "Condition": { "Bool": { "', { kind: 'key', parents: ['Statement', 'Condition', 'Bool'] }],
    ['{ "Statement": { "Principal": { "AWS": "', { kind: 'value', key: 'AWS', parents: ['Statement', 'Principal'] }],
  ])('reads the context of %s', (text, expected) => {
    expect(contextAt(text)).toEqual(expected);
  });

  async function complete(text: string): Promise<string[]> {
    const catalog = await loadedCatalog('s3');
    const state = EditorState.create({ doc: text });
    const source = policyCompletions({ labArns: () => [{ arn: 'arn:aws:s3:::lab-bucket', type: 'bucket', name: 'lab-bucket' }] }, async () => catalog);
    const result = (await source(new CompletionContext(state, text.length, false))) as CompletionResult | null;
    return result?.options.map((o) => o.label) ?? [];
  }

  it.each([
    ['{ "Statement": [ { "', 'NotAction'],
    ['{ "Statement": [ { "Effect": "', 'Deny'],
    ['{ "Statement": [ { "Action": "s3:Get', 's3:GetObject'],
    ['{ "Statement": [ { "Action": "s', 's3:'],
    ['{ "Statement": [ { "Resource": "', 'arn:aws:s3:::lab-bucket'],
    ['{ "Statement": [ { "Condition": { "', 'ForAnyValue:StringLike'],
    ['{ "Statement": [ { "Condition": { "Bool": { "', 'aws:MultiFactorAuthPresent'],
  ])('offers completions for %s', async (text, label) => {
    expect(await complete(text)).toContain(label);
  });
});

describe('hover help', () => {
  it('describes an action with its access level, CRUD kind and resource types', async () => {
    const catalog = await loadedCatalog('s3');
    expect(describeAction(catalog, 's3:getobject')).toMatch(/^s3:GetObject — access level Read \(Read\); resource types: .*object/);
    expect(describeAction(catalog, 's3:ListAllMyBuckets')).toContain('only "*"');
  });

  it('counts what a pattern matches and names the first ones', async () => {
    const catalog = await loadedCatalog('s3');
    const { count } = expandActions(catalog, 's3:Put*');
    expect(describeAction(catalog, 's3:Put*')).toMatch(new RegExp(`^s3:Put\\* matches ${count} actions: PutAccelerateConfiguration`));
  });

  it('says nothing about names it does not know', async () => {
    const catalog = await loadedCatalog('s3');
    expect(describeAction(catalog, 's3:Nope')).toBeNull();
    expect(describeAction(catalog, 's3:Nope*')).toBeNull();
    expect(describeAction(catalog, '*')).toBeNull();
  });
});

describe('PolicyEditor component', () => {
  it('mounts CodeMirror in place of the textarea and underlines the finding', async () => {
    const onChange = vi.fn();
    const { container } = render(PolicyEditor, { value: policy({ Effect: 'Permit', Action: 's3:GetObject', Resource: '*' }), onChange });
    expect(screen.getByLabelText('Policy document (JSON)')).toBeTruthy();
    await vi.waitFor(() => expect(container.querySelector('.policy-editor')?.getAttribute('data-ready')).toBe('true'), { timeout: 10_000 });
    expect(container.querySelector('textarea')).toBeNull();
    await vi.waitFor(() => expect(container.querySelector('.cm-lintRange-error')?.textContent).toBe('"Permit"'), { timeout: 10_000 });
  });

  it('re-lints when the policy kind changes', async () => {
    const value = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
    const { container, rerender } = render(PolicyEditor, { value, kind: 'identity' });
    await vi.waitFor(() => expect(container.querySelector('.policy-editor')?.getAttribute('data-ready')).toBe('true'), { timeout: 10_000 });
    expect(container.querySelector('.cm-lintRange-error')).toBeNull();
    await rerender({ value, kind: 'resource' });
    // A bucket policy needs a Principal: the engine's error now shows in the editor.
    await vi.waitFor(() => expect(container.querySelector('.cm-lintRange-error')).not.toBeNull(), { timeout: 10_000 });
  });

  it('keeps the textarea usable until CodeMirror arrives, reporting edits', async () => {
    const onChange = vi.fn();
    render(PolicyEditor, { value: '{}', onChange, readonly: false });
    const area = screen.getByLabelText('Policy document (JSON)') as HTMLTextAreaElement;
    area.value = '{"Version":"2012-10-17"}';
    area.dispatchEvent(new Event('input', { bubbles: true }));
    expect(onChange).toHaveBeenCalledWith('{"Version":"2012-10-17"}');
  });
});

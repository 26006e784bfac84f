// @vitest-environment jsdom
// The visual builder's markup logic: choosing a service and an action writes the statement; a wildcard shows
// how many actions it matches; parts the builder cannot show are listed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import PolicyBuilder from '../../../src/lib/ui/builder/PolicyBuilder.svelte';
import { CatalogState } from '../../../src/lib/ui/builder/catalogState.svelte';
import { emptyStatement, fromPolicyJson } from '../../../src/lib/domain/checks';
import type { BuilderPolicy } from '../../../src/lib/domain/checks';
import { expandActions } from '../../../src/lib/domain/catalog';
import { loadedCatalog, nodeCatalog } from '../../domain/catalog/nodeCatalog';

afterEach(() => cleanup());

const model = (actions: string[]): BuilderPolicy => ({ version: '2012-10-17', statements: [{ ...emptyStatement, actions, resources: ['*'] }] });

describe('PolicyBuilder', () => {
  it('adds the action a learner ticks after choosing a service and filtering', async () => {
    const onChange = vi.fn();
    const catalog = new CatalogState(async () => nodeCatalog());
    render(PolicyBuilder, { model: model([]), unsupported: [], kind: 'identity', onChange, catalog, arns: [] });
    const service = await screen.findByTestId('builder-service');
    await vi.waitFor(() => expect(within(service).getByRole('option', { name: /^s3 — / })).toBeTruthy());
    await fireEvent.change(service, { target: { value: 's3' } });
    await fireEvent.input(await screen.findByLabelText('Filter actions'), { target: { value: 'GetObjectTagging' } });
    const box = await screen.findByRole('checkbox', { name: 'GetObjectTagging' });
    await fireEvent.click(box);
    expect(onChange).toHaveBeenLastCalledWith(model(['s3:GetObjectTagging']));
  });

  it('shows how many actions a wildcard matches', async () => {
    const catalog = new CatalogState(async () => nodeCatalog());
    render(PolicyBuilder, { model: model(['s3:Get*']), unsupported: [], kind: 'identity', onChange: () => {}, catalog, arns: [] });
    const count = expandActions(await loadedCatalog('s3'), 's3:Get*').count;
    expect(await screen.findByText(`s3:Get* matches ${count} actions`, {}, { timeout: 5000 })).toBeTruthy();
  });

  it('lists what it cannot show', () => {
    const { model: m, unsupported } = fromPolicyJson({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }] });
    const catalog = new CatalogState(async () => nodeCatalog());
    render(PolicyBuilder, { model: m, unsupported, kind: 'identity', onChange: () => {}, catalog, arns: [] });
    expect(screen.getByRole('note').textContent).toContain('NotAction at /Statement/0/NotAction');
  });
});

// @vitest-environment jsdom
// The request builder sends what the learner composed, as the current identity: the action, the
// parameters filled from the chosen resource, and the context overrides; the record joins the history.
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import RequestBuilder from '../../../src/lib/ui/request/RequestBuilder.svelte';
import { makeLab } from '../console/labFixture';

afterEach(cleanup);

describe('RequestBuilder', () => {
  it('sends s3:GetObject on a lab object as bob, with request context overrides', async () => {
    const lab = await makeLab('bob');
    const onSent = vi.fn();
    render(RequestBuilder, { lab, onSent, open: true });

    await fireEvent.input(screen.getByLabelText('Search actions'), { target: { value: 'getobject' } });
    await fireEvent.change(screen.getByRole('listbox'), { target: { value: 's3:GetObject' } });
    await fireEvent.input(screen.getByLabelText(/^Resource/), { target: { value: 'arn:aws:s3:::example-corp-app-data/config/app.json' } });
    expect(JSON.parse((screen.getByLabelText(/^Parameters/) as HTMLTextAreaElement).value)).toEqual({ Bucket: 'example-corp-app-data', Key: 'config/app.json' });
    await fireEvent.input(screen.getByLabelText(/^Request tags/), { target: { value: 'team=blue' } });
    await fireEvent.click(screen.getByLabelText(/^Sent over HTTPS/));
    await fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    await vi.waitFor(() => expect(onSent).toHaveBeenCalledOnce());
    const record = lab.records.at(-1)!;
    expect(record.request).toMatchObject({
      operation: 's3:GetObject',
      params: { Bucket: 'example-corp-app-data', Key: 'config/app.json' },
      contextOverrides: { 'aws:RequestTag/team': 'blue', 'aws:TagKeys': ['team'] },
      transport: 'http',
      credentials: { kind: 'console' },
    });
    expect(onSent).toHaveBeenCalledWith(record);
  });

  it('refuses parameters that are not a JSON object without sending', async () => {
    const lab = await makeLab('bob');
    const count = lab.records.length;
    render(RequestBuilder, { lab, open: true });
    await fireEvent.input(screen.getByLabelText(/^Parameters/), { target: { value: '[1, 2' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(screen.getByRole('alert').textContent).toBe('The parameters must be a JSON object.');
    expect(lab.records).toHaveLength(count);
  });
});

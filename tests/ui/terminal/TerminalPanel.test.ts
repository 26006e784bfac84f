// @vitest-environment jsdom
// The terminal panel against a real lab: commands go through lab.send (recorded, marked via 'cli'), run
// as the signed-in identity until keys are configured, and the keyboard does what a shell's does.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import TerminalPanel from '../../../src/lib/ui/terminal/TerminalPanel.svelte';
import { makeLab } from '../console/labFixture';

afterEach(cleanup);

const input = () => screen.getByRole('textbox');
const log = () => screen.getByRole('log', { name: 'Terminal output' });

async function type(text: string) {
  await fireEvent.input(input(), { target: { value: text } });
  await fireEvent.keyDown(input(), { key: 'Enter' });
  await waitFor(() => expect(input().getAttribute('aria-busy')).toBe('false'));
}

describe('TerminalPanel', () => {
  it('runs aws commands through lab.send as the signed-in identity and links each request', async () => {
    const lab = await makeLab('alice');
    const onShowRequest = vi.fn();
    render(TerminalPanel, { lab, onShowRequest });
    const before = lab.records.length;
    await type('aws sts get-caller-identity --query Arn --output text');
    await waitFor(() => expect(log().textContent).toContain('arn:aws:iam::111122223333:user/alice'));
    expect(lab.records).toHaveLength(before + 1);
    const record = lab.records.at(-1)!;
    expect(record.request).toMatchObject({ operation: 'sts:GetCallerIdentity', via: 'cli' });
    await fireEvent.click(screen.getByRole('button', { name: 'Allowed · Show sts:GetCallerIdentity on the stage' }));
    expect(onShowRequest).toHaveBeenCalledWith(record.id);
  });

  it('prints AWS CLI errors and usage errors', async () => {
    const lab = await makeLab('bob');
    render(TerminalPanel, { lab });
    await type('aws iam create-user --user-name eve');
    await waitFor(() => expect(log().textContent).toContain('An error occurred (AccessDenied) when calling the CreateUser operation: User: arn:aws:iam::111122223333:user/bob'));
    await type('aws iam create-user');
    await waitFor(() => expect(log().textContent).toContain('aws: error: the following arguments are required: --user-name'));
  });

  it('asks the aws configure questions one by one, then signs with the key', async () => {
    const lab = await makeLab('alice');
    const carolKey = lab.world.accounts['111122223333']!.users.carol!.accessKeys[0]!;
    render(TerminalPanel, { lab });
    await type('aws configure');
    expect(input().getAttribute('aria-label')).toContain('AWS Access Key ID [None]:');
    await type(carolKey.accessKeyId);
    expect(input().getAttribute('aria-label')).toContain('AWS Secret Access Key [None]:');
    await type(carolKey.secretAccessKey);
    await type('');
    await type('');
    await type('aws sts get-caller-identity --query Arn --output text');
    await waitFor(() => expect(log().textContent).toContain('arn:aws:iam::111122223333:user/carol'));
    expect(lab.records.at(-1)?.request.credentials).toMatchObject({ kind: 'accessKey', accessKeyId: carolKey.accessKeyId });
  });

  it('walks the history with the arrow keys and completes with Tab', async () => {
    const lab = await makeLab('alice');
    render(TerminalPanel, { lab });
    await type('echo one');
    await type('echo two');
    await fireEvent.keyDown(input(), { key: 'ArrowUp' });
    expect((input() as HTMLInputElement).value).toBe('echo two');
    await fireEvent.keyDown(input(), { key: 'ArrowUp' });
    expect((input() as HTMLInputElement).value).toBe('echo one');
    await fireEvent.keyDown(input(), { key: 'ArrowDown' });
    await fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect((input() as HTMLInputElement).value).toBe('');

    await fireEvent.input(input(), { target: { value: 'aws iam get-user --user-name ca' } });
    await fireEvent.keyDown(input(), { key: 'Tab' });
    expect((input() as HTMLInputElement).value).toBe('aws iam get-user --user-name carol ');
  });

  it('clears the screen', async () => {
    const lab = await makeLab('alice');
    render(TerminalPanel, { lab });
    await type('echo visible');
    expect(log().textContent).toContain('visible');
    await type('clear');
    expect(log().textContent).not.toContain('visible');
  });
});

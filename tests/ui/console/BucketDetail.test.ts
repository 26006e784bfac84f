// @vitest-environment jsdom
// The bucket console as alice (admin): upload and delete objects; a public bucket policy is refused
// while Block Public Access blocks public policies, and accepted once that setting is off.
// AWS: Amazon S3 User Guide "Blocking public access to your Amazon S3 storage" (BlockPublicPolicy).
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import BucketDetail from '../../../src/lib/ui/console/BucketDetail.svelte';
import type { LabState } from '../../../src/lib/ui/state/lab.svelte';
import { accountId, makeLab } from './labFixture';

afterEach(cleanup);

const bucketName = 'example-corp-app-data';
const bucket = (lab: LabState) => lab.world.accounts[accountId]!.s3.buckets[bucketName]!;

describe('BucketDetail', () => {
  it('uploads an object through s3:PutObject and deletes it through s3:DeleteObject', async () => {
    const lab = await makeLab('alice');
    const view = render(BucketDetail, { lab, bucket: bucket(lab), onClose: vi.fn() });
    await fireEvent.input(screen.getByLabelText('Object key'), { target: { value: 'notes/hello.txt' } });
    await fireEvent.input(screen.getByLabelText('Content'), { target: { value: 'hi' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Upload object' }));
    await vi.waitFor(() => expect(bucket(lab).objects['notes/hello.txt']?.body).toBe('hi'));

    await view.rerender({ lab, bucket: bucket(lab), onClose: vi.fn() });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete notes/hello.txt' }));
    await vi.waitFor(() => expect(bucket(lab).objects['notes/hello.txt']).toBeUndefined());
  });

  it('refuses a public bucket policy while BlockPublicPolicy is on', async () => {
    const lab = await makeLab('alice');
    const view = render(BucketDetail, { lab, bucket: bucket(lab), onClose: vi.fn() });
    const blockPolicy = screen.getByRole('checkbox', { name: 'BlockPublicPolicy' });
    if (!(blockPolicy as HTMLInputElement).checked) await fireEvent.click(blockPolicy);
    await fireEvent.click(screen.getByRole('button', { name: 'Save Block Public Access' }));
    await vi.waitFor(() => expect(bucket(lab).publicAccessBlock?.blockPublicPolicy).toBe(true));
    await view.rerender({ lab, bucket: bucket(lab), onClose: vi.fn() });

    const publicRead = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucketName}/*` }] });
    await fireEvent.input(screen.getByLabelText('Bucket policy (JSON)'), { target: { value: publicRead } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save bucket policy' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('AccessDenied');
    expect(alert.textContent).toContain('BlockPublicPolicy');
    expect(bucket(lab).policy).not.toBe(publicRead);
  });
});

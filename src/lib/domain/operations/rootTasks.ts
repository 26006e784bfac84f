// Tasks only the root user can do (AWS's list "Tasks that require root user credentials"), modelled as
// operations, plus the table that says which operation carries out each task.
// Invariant: the pipeline refuses these for any other principal — even one with AdministratorAccess —
// before any policy is evaluated, and marks the record `rootOnly`.
// AWS: IAM User Guide, "Tasks that require root user credentials",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html#root-user-tasks
import { rootArn } from '../world/arns';
import { awsManagedPolicyArnByName } from '../world/awsManagedPolicies';
import { addSeconds } from '../world/clock';
import { newHex } from '../world/ids';
import type { SupportPlan } from '../world/types';
import { hashPassword, verifyMfaCode } from './authPrimitives';
import { draftAccount, requireUser } from './iam/iamShared';
import { fail } from './operationError';
import { requireString } from './params';
import type { OperationSpec, PlanContext } from './types';

/** AWS's root-only tasks and the lab operation that performs each. */
export const rootOnlyTasks = [
  { task: 'Change your account settings: the root user email address', operation: 'account:UpdateRootEmail' },
  { task: 'Change your account settings: the root user password', operation: 'account:UpdateRootPassword' },
  { task: 'Change your account settings: the root user MFA device', operation: 'account:EnableRootMFADevice' },
  { task: 'Change your account settings: remove the root user MFA device', operation: 'account:DeactivateRootMFADevice' },
  { task: 'Change your AWS Support plan', operation: 'supportplans:UpdateSupportPlan' },
  { task: 'Close your AWS account', operation: 'account:CloseAccount' },
  { task: 'Create a CloudFront key pair', operation: 'cloudfront:CreateCloudFrontKeyPair' },
  { task: 'Enable or disable MFA Delete on an S3 bucket', operation: 's3:PutBucketVersioning (with MFADelete)' },
  {
    task: 'Restore IAM user permissions (the only administrator revoked their own permissions)',
    operation: 'account:RestoreAdminPermissions',
  },
  {
    task: 'Unlock an S3 bucket policy that denies all principals',
    operation: 'account:UnlockBucketPolicy',
  },
] as const;

const supportPlans: readonly SupportPlan[] = ['basic', 'developer', 'business', 'enterprise'];

function rootTask(name: string, task: string, crud: OperationSpec['crud'], run: OperationSpec['run']): OperationSpec {
  return {
    name,
    crud,
    accessDeniedCode: 'AccessDenied',
    rootOnlyTask: () => task,
    plan: (ctx: PlanContext) => [{ action: name, resource: rootArn(ctx.caller.accountId ?? ''), resourceAccount: ctx.caller.accountId ?? '' }],
    run,
  };
}

export const rootTaskOperations: readonly OperationSpec[] = [
  rootTask('account:UpdateRootEmail', 'Change the root user email address', 'Update', (ctx) => {
    const account = draftAccount(ctx);
    const email = requireString(ctx.params, 'NewEmail');
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail('ValidationException', 'The email address is not valid.', 400);
    account.root.email = email;
    ctx.changes.push({ kind: 'updated', entity: 'rootUser', id: account.id, fields: { email } });
    return {};
  }),
  rootTask('account:UpdateRootPassword', 'Change the root user password', 'Update', async (ctx) => {
    const account = draftAccount(ctx);
    const password = requireString(ctx.params, 'NewPassword');
    if (password.length < 8) fail('PasswordPolicyViolation', 'Password should have at least 8 characters', 400);
    account.root.passwordHash = await hashPassword(ctx.deps.crypto, ctx.deps.ids, password);
    ctx.changes.push({ kind: 'updated', entity: 'rootUser', id: account.id, fields: { password: '(changed)' } });
    return {};
  }),
  rootTask('account:EnableRootMFADevice', 'Assign an MFA device to the root user', 'Update', async (ctx) => {
    const account = draftAccount(ctx);
    const serial = requireString(ctx.params, 'SerialNumber');
    const device = account.mfaDevices[serial];
    if (!device) return fail('NoSuchEntity', `VirtualMFADevice with serial number ${serial} doesn't exist.`, 404);
    if (device.assignedTo) return fail('EntityAlreadyExists', 'MFA Device is already in use.', 409);
    const code1 = requireString(ctx.params, 'AuthenticationCode1');
    const code2 = requireString(ctx.params, 'AuthenticationCode2');
    const ok =
      code1 !== code2 &&
      (await verifyMfaCode(ctx.deps.crypto, device.base32Secret, code1, ctx.now)) &&
      (await verifyMfaCode(ctx.deps.crypto, device.base32Secret, code2, addSeconds(ctx.now, 30)));
    if (!ok) return fail('InvalidAuthenticationCode', 'Authentication code for device is not valid.', 403);
    device.assignedTo = { kind: 'root' };
    device.enabledAt = ctx.now;
    account.root.mfaSerial = serial;
    ctx.changes.push({ kind: 'updated', entity: 'rootUser', id: account.id, fields: { mfaSerial: serial } });
    return {};
  }),
  rootTask('account:DeactivateRootMFADevice', 'Remove the root user MFA device', 'Update', (ctx) => {
    const account = draftAccount(ctx);
    const serial = account.root.mfaSerial;
    if (!serial) return fail('NoSuchEntity', 'The root user has no MFA device.', 404);
    const device = account.mfaDevices[serial];
    if (device) {
      delete device.assignedTo;
      delete device.enabledAt;
    }
    delete account.root.mfaSerial;
    ctx.changes.push({ kind: 'updated', entity: 'rootUser', id: account.id, fields: { mfaSerial: '' } });
    return {};
  }),
  rootTask('supportplans:UpdateSupportPlan', 'Change the AWS Support plan', 'Update', (ctx) => {
    const account = draftAccount(ctx);
    const plan = requireString(ctx.params, 'SupportPlan').toLowerCase();
    if (!supportPlans.includes(plan as SupportPlan)) {
      fail('ValidationException', `Support plan must be one of: ${supportPlans.join(', ')}.`, 400);
    }
    account.supportPlan = plan as SupportPlan;
    ctx.changes.push({ kind: 'updated', entity: 'account', id: account.id, fields: { supportPlan: plan } });
    return {};
  }),
  rootTask('account:CloseAccount', 'Close the AWS account', 'Delete', (ctx) => {
    const account = draftAccount(ctx);
    account.status = 'closed';
    ctx.changes.push({ kind: 'updated', entity: 'account', id: account.id, fields: { status: 'closed' } });
    return {};
  }),
  // The root user needs no identity-based policy in its own account, so it can give an administrator back
  // the permissions they removed from themselves.
  rootTask('account:RestoreAdminPermissions', 'Restore IAM user permissions', 'Update', (ctx) => {
    const account = draftAccount(ctx);
    const user = requireUser(account, requireString(ctx.params, 'UserName'));
    const arn = awsManagedPolicyArnByName('AdministratorAccess') ?? '';
    if (!user.attachedPolicies.includes(arn)) user.attachedPolicies.push(arn);
    ctx.changes.push({ kind: 'created', entity: 'policyAttachment', id: arn, parent: user.name });
    return {};
  }),
  // AWS: a bucket policy that denies everyone can be deleted only by the bucket owner's root user.
  rootTask('account:UnlockBucketPolicy', 'Unlock an S3 bucket policy that denies all principals', 'Delete', (ctx) => {
    const account = draftAccount(ctx);
    const name = requireString(ctx.params, 'Bucket');
    const bucket = account.s3.buckets[name];
    if (!bucket) return fail('NoSuchBucket', 'The specified bucket does not exist', 404);
    if (bucket.policy === undefined) return fail('NoSuchBucketPolicy', 'The bucket policy does not exist', 404);
    delete bucket.policy;
    ctx.changes.push({ kind: 'deleted', entity: 'bucketPolicy', id: name });
    return {};
  }),
  rootTask('cloudfront:CreateCloudFrontKeyPair', 'Create a CloudFront key pair', 'Create', (ctx) => {
    const account = draftAccount(ctx);
    const id = 'APKA' + newHex(ctx.deps.ids, 16).toUpperCase();
    account.cloudFrontKeyPairs[id] = { id, createdAt: ctx.now, status: 'Active' };
    ctx.changes.push({ kind: 'created', entity: 'cloudFrontKeyPair', id, parent: account.id });
    return { KeyPairId: id };
  }),
];

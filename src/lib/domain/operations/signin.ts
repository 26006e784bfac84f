// Console sign-in as an operation: password credentials (IAM user or root) open a console session
// whose id later requests carry. Invariant: signing in needs no policy — only correct credentials.
// AWS: IAM User Guide "How IAM users sign in to AWS", "Sign in as the root user"; the console session
// of an IAM user lasts 12 hours.
import { addSeconds } from '../world/clock';
import { newHex } from '../world/ids';
import { fail } from './operationError';
import type { OperationSpec } from './types';

export const consoleSessionSeconds = 12 * 3600;

export const signinOperations: readonly OperationSpec[] = [
  {
    name: 'signin:ConsoleLogin',
    crud: 'Create',
    accessDeniedCode: 'AccessDenied',
    plan: () => [],
    run: (ctx) => {
      const caller = ctx.caller;
      if (caller.via !== 'console' || !caller.accountId || (caller.principalType !== 'User' && caller.principalType !== 'Account')) {
        return fail('InvalidRequest', 'Console sign-in takes a user name and password, or the root user email and password.', 400);
      }
      const id = newHex(ctx.deps.ids, 32);
      const identity = caller.principalType === 'Account' ? ({ kind: 'root' } as const) : ({ kind: 'user', userName: caller.userName ?? '' } as const);
      ctx.draft.consoleSessions[id] = {
        id,
        accountId: caller.accountId,
        identity,
        signedInAt: ctx.now,
        expiration: addSeconds(ctx.now, consoleSessionSeconds),
        ...(caller.mfaAuthenticatedAt ? { mfaAuthenticatedAt: caller.mfaAuthenticatedAt } : {}),
      };
      if (identity.kind === 'user') {
        const user = ctx.draft.accounts[caller.accountId]?.users[identity.userName];
        if (user) user.passwordLastUsed = ctx.now;
      }
      ctx.changes.push({ kind: 'created', entity: 'consoleSession', id, parent: caller.accountId });
      return { ConsoleLogin: 'Success', SessionId: id, Expiration: addSeconds(ctx.now, consoleSessionSeconds) };
    },
  },
  {
    name: 'signin:ConsoleLogout',
    crud: 'Delete',
    accessDeniedCode: 'AccessDenied',
    plan: () => [],
    run: (ctx) => {
      const credentials = ctx.request.credentials;
      if (credentials.kind !== 'console') return fail('InvalidRequest', 'Only a console session can sign out.', 400);
      delete ctx.draft.consoleSessions[credentials.sessionId];
      ctx.changes.push({ kind: 'deleted', entity: 'consoleSession', id: credentials.sessionId });
      return {};
    },
  },
];

// How history sums up a record: its outcome (the decision, a failed authentication, or a request that
// was allowed but failed while processing) and who sent it. Invariant: pure, total over any record.
import type { RequestRecord } from '../../domain/pipeline/types';
import type { IconName } from '../icons/icons';

export type Outcome = 'allowed' | 'explicitDeny' | 'implicitDeny' | 'unauthenticated' | 'failed';

export function outcomeOf(record: RequestRecord): Outcome {
  if (!record.authentication.ok) return 'unauthenticated';
  const decision = record.authorization?.decision;
  if (decision === 'explicitDeny' || decision === 'implicitDeny') return decision;
  return record.response.ok ? 'allowed' : 'failed';
}

export const outcomeIcon: Readonly<Record<Outcome, IconName>> = {
  allowed: 'allowed',
  explicitDeny: 'explicitDeny',
  implicitDeny: 'implicitDeny',
  unauthenticated: 'unauthenticated',
  failed: 'info',
};

/** The caller as people say it: user name, role/session, root, or anonymous. */
export function whoOf(record: RequestRecord): string {
  const p = record.authentication.principal;
  if (p) {
    if (p.principalType === 'Account') return 'root';
    if (p.principalType === 'Anonymous') return 'anonymous';
    if (p.roleName) return p.sessionName ? `${p.roleName}/${p.sessionName}` : p.roleName;
    if (p.userName) return p.userName;
  }
  const c = record.request.credentials;
  switch (c.kind) {
    case 'password':
      return c.userName;
    case 'rootPassword':
      return c.email;
    case 'accessKey':
    case 'signature':
      return c.accessKeyId;
    case 'instanceProfile':
      return c.instanceId;
    case 'console':
      return 'console session';
    case 'anonymous':
      return 'anonymous';
  }
}

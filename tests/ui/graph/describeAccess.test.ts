// The graph's sentences: one line per overlay reason, and node names (kind + label + policy badge) that
// the canvas, the table and the screen reader all use.
import { describe, expect, it } from 'vitest';
import type { AccessEntry } from '../../../src/lib/graph';
import { nodeName, reasonText } from '../../../src/lib/ui/graph/describeAccess';

describe('reasonText', () => {
  it.each<[AccessEntry, string]>([
    [
      { nodeId: 'u', decision: 'allowed', reason: { kind: 'statement', effect: 'Allow', policyLabel: 'group Admins · managed policy AdministratorAccess', statementIndex: 0, stage: 'identity' } },
      'Allowed: statement #1 of group Admins · managed policy AdministratorAccess.',
    ],
    [
      { nodeId: 'u', decision: 'explicitDeny', reason: { kind: 'statement', effect: 'Deny', policyLabel: 'group Developers · inline policy X', sid: 'NoProductionTermination', statementIndex: 0, stage: 'denyEvaluation' } },
      'Explicitly denied: statement NoProductionTermination of group Developers · inline policy X.',
    ],
    [{ nodeId: 'u', decision: 'implicitDeny', reason: { kind: 'noAllow', stage: 'identity' } }, 'Implicitly denied: no policy allows it (Identity-based policies).'],
    [{ nodeId: 'u', decision: 'implicitDeny', reason: { kind: 'noAllow', stage: null } }, 'Implicitly denied: no policy allows it.'],
    [{ nodeId: 'r', decision: 'allowed', reason: { kind: 'root' } }, 'Allowed: the root user may do anything in its own account unless a policy denies it.'],
    [{ nodeId: 'u', decision: 'implicitDeny', reason: { kind: 'malformed', policyLabel: 'user bob · inline policy Broken' } }, 'Denied: user bob · inline policy Broken is malformed, so AWS refuses to evaluate it.'],
  ])('%j → %s', (entry, text) => {
    expect(reasonText(entry)).toBe(text);
  });
});

describe('nodeName', () => {
  it.each([
    [{ id: 'user:1:alice', kind: 'user' as const, label: 'alice' }, 'IAM user alice'],
    [{ id: 'policy:x', kind: 'policy' as const, label: 'AdministratorAccess', badge: 'awsManaged' as const }, 'Policy AdministratorAccess (AWS managed)'],
    [{ id: 'public:*', kind: 'public' as const, label: '*' }, 'Everyone (anonymous) *'],
  ])('%j → %s', (node, name) => {
    expect(nodeName(node)).toBe(name);
  });
});

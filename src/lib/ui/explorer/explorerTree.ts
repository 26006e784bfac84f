// Turns the world into the explorer's tree: organization, accounts, and per account the root user,
// identities, policies, identity providers and resources by service, each folder with its count.
// Invariant: node ids are unique across the tree; leaves carry the entity ref their detail opens.
import type { IconName } from '../icons/icons';
import { awsManagedPolicies } from '../../domain/world/awsManagedPolicies';
import type { Account, World } from '../../domain/world/types';
import { formatEntityRef, type EntityRef } from './entityRef';
import type { MessageKey } from '../../i18n';

export interface TreeNode {
  readonly id: string;
  /** Plain text (a name from the lab) or a message key with a count for folders. */
  readonly label: string;
  readonly labelKey?: MessageKey;
  readonly icon: IconName;
  readonly count?: number;
  /** Small badge, e.g. 'AWS' for AWS managed policies, 'SCP'/'RCP'. */
  readonly badge?: string;
  readonly ref?: EntityRef;
  readonly children?: readonly TreeNode[];
}

function leaf(ref: EntityRef, label: string, icon: IconName, badge?: string): TreeNode {
  return { id: formatEntityRef(ref), label, icon, ref, ...(badge ? { badge } : {}) };
}

function folder(id: string, labelKey: MessageKey, icon: IconName, children: readonly TreeNode[]): TreeNode {
  return { id, label: '', labelKey, icon, count: children.length, children };
}

function byLabel(a: TreeNode, b: TreeNode): number {
  return a.label.localeCompare(b.label);
}

/** AWS managed policies worth listing: those attached somewhere in the account (the full list is long). */
function awsPoliciesInUse(account: Account): string[] {
  const arns = new Set<string>();
  const holders = [...Object.values(account.users), ...Object.values(account.groups), ...Object.values(account.roles)];
  for (const h of holders) for (const arn of h.attachedPolicies) if (awsManagedPolicies[arn]) arns.add(arn);
  for (const h of [...Object.values(account.users), ...Object.values(account.roles)]) {
    if (h.permissionsBoundary && awsManagedPolicies[h.permissionsBoundary]) arns.add(h.permissionsBoundary);
  }
  return [...arns];
}

function accountNode(account: Account): TreeNode {
  const a = account.id;
  const users = Object.values(account.users).map((u) => leaf({ kind: 'user', accountId: a, id: u.name }, u.name, 'user')).sort(byLabel);
  const groups = Object.values(account.groups).map((g) => leaf({ kind: 'group', accountId: a, id: g.name }, g.name, 'group')).sort(byLabel);
  const roles = Object.values(account.roles).map((r) => leaf({ kind: 'role', accountId: a, id: r.name }, r.name, 'role')).sort(byLabel);
  const customer = Object.values(account.policies).map((p) => leaf({ kind: 'policy', accountId: a, id: p.arn }, p.name, 'policy')).sort(byLabel);
  const aws = awsPoliciesInUse(account)
    .map((arn) => leaf({ kind: 'policy', accountId: a, id: arn }, awsManagedPolicies[arn]?.name ?? arn, 'policy', 'AWS'))
    .sort(byLabel);
  const idps = Object.values(account.identityProviders)
    .map((p) => leaf({ kind: 'idp', accountId: a, id: p.arn }, p.kind === 'saml' ? p.name : p.url.replace(/^https:\/\//, ''), 'idp', p.kind.toUpperCase()))
    .sort(byLabel);
  const buckets = Object.values(account.s3.buckets).map((b) => leaf({ kind: 'bucket', accountId: a, id: b.name }, b.name, 'resource')).sort(byLabel);
  const tables = Object.values(account.dynamodb.tables).map((t) => leaf({ kind: 'table', accountId: a, id: t.name }, t.name, 'resource')).sort(byLabel);
  const instances = Object.values(account.ec2.instances).map((i) =>
    leaf({ kind: 'instance', accountId: a, id: i.id }, i.tags.Name ? `${i.tags.Name} (${i.id})` : i.id, 'resource'),
  );
  const keys = Object.values(account.kms.keys).map((k) =>
    leaf({ kind: 'key', accountId: a, id: k.keyId }, k.description ? k.description : k.keyId, 'key'),
  );
  const prefix = `acct:${a}:`;
  return {
    id: formatEntityRef({ kind: 'account', accountId: a, id: a }),
    label: account.alias ? `${account.name} · ${account.alias} (${a})` : `${account.name} (${a})`,
    icon: 'account',
    ref: { kind: 'account', accountId: a, id: a },
    children: [
      leaf({ kind: 'root', accountId: a, id: 'root' }, account.root.email, 'root', 'root'),
      folder(`${prefix}users`, 'explorer.users', 'user', users),
      folder(`${prefix}groups`, 'explorer.groups', 'group', groups),
      folder(`${prefix}roles`, 'explorer.roles', 'role', roles),
      {
        ...folder(`${prefix}policies`, 'explorer.policies', 'policy', [
          folder(`${prefix}policies:customer`, 'explorer.customerManaged', 'policy', customer),
          folder(`${prefix}policies:aws`, 'explorer.awsManaged', 'policy', aws),
        ]),
        count: customer.length + aws.length,
      },
      folder(`${prefix}idps`, 'explorer.identityProviders', 'idp', idps),
      folder(`${prefix}buckets`, 'explorer.buckets', 'resource', buckets),
      folder(`${prefix}tables`, 'explorer.tables', 'resource', tables),
      folder(`${prefix}instances`, 'explorer.instances', 'resource', instances),
      folder(`${prefix}keys`, 'explorer.keys', 'key', keys),
    ],
  };
}

export function buildExplorerTree(world: World): TreeNode[] {
  const nodes: TreeNode[] = [];
  const org = world.organization;
  if (org) {
    const policies = Object.values(org.policies).map((p) =>
      leaf({ kind: 'orgPolicy', accountId: 'org', id: p.id }, p.name, 'policy', p.kind.toUpperCase()),
    );
    nodes.push({ ...folder('org', 'explorer.organization', 'account', policies), label: org.id });
  }
  for (const account of Object.values(world.accounts)) nodes.push(accountNode(account));
  return nodes;
}

/** The nodes a keyboard user can reach: every node whose ancestors are all expanded, in display order. */
export function visibleNodes(nodes: readonly TreeNode[], isOpen: (id: string) => boolean, depth = 1, parentId?: string): VisibleNode[] {
  const out: VisibleNode[] = [];
  for (const node of nodes) {
    out.push({ node, depth, ...(parentId ? { parentId } : {}) });
    if (node.children && isOpen(node.id)) out.push(...visibleNodes(node.children, isOpen, depth + 1, node.id));
  }
  return out;
}

export interface VisibleNode {
  readonly node: TreeNode;
  readonly depth: number;
  readonly parentId?: string;
}

/** Ids of the nodes above `id` (outermost first); empty when `id` is a top-level node or not in the tree. */
export function ancestorsOf(nodes: readonly TreeNode[], id: string): string[] {
  for (const node of nodes) {
    if (node.id === id) return [];
    if (node.children) {
      const below = ancestorsOf(node.children, id);
      if (below.length > 0 || node.children.some((c) => c.id === id)) return [node.id, ...below];
    }
  }
  return [];
}

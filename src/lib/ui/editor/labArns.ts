// The ARNs of everything in the lab, for autocomplete and the builder's resource picker.
// Invariant: read-only over the world; buckets also offer their "/*" object pattern.
import type { World } from '../../domain/world/types';

export interface LabArn {
  readonly arn: string;
  /** What it is: 'root', 'user', 'group', 'role', 'policy', 'bucket', 'objects', 'table', 'instance', 'key'. */
  readonly type: string;
  readonly name: string;
}

export function labArns(world: World | undefined): LabArn[] {
  if (!world) return [];
  const out: LabArn[] = [];
  for (const a of Object.values(world.accounts)) {
    out.push({ arn: a.root.arn, type: 'root', name: a.alias ?? a.id });
    for (const [n, u] of Object.entries(a.users)) out.push({ arn: u.arn, type: 'user', name: n });
    for (const [n, g] of Object.entries(a.groups)) out.push({ arn: g.arn, type: 'group', name: n });
    for (const [n, r] of Object.entries(a.roles)) out.push({ arn: r.arn, type: 'role', name: n });
    for (const p of Object.values(a.policies)) out.push({ arn: p.arn, type: 'policy', name: p.arn.split('/').at(-1) ?? p.arn });
    for (const [n, b] of Object.entries(a.s3.buckets)) {
      out.push({ arn: b.arn, type: 'bucket', name: n });
      out.push({ arn: `${b.arn}/*`, type: 'objects', name: `${n}/*` });
    }
    for (const [n, t] of Object.entries(a.dynamodb.tables)) out.push({ arn: t.arn, type: 'table', name: n });
    for (const [n, i] of Object.entries(a.ec2.instances)) out.push({ arn: i.arn, type: 'instance', name: n });
    for (const [n, k] of Object.entries(a.kms.keys)) out.push({ arn: k.arn, type: 'key', name: n });
  }
  return out;
}

// Names one thing in the lab (a user, a bucket, a create form…) as plain data and as the text used in
// `#/lab/<ref>` routes. Invariant: parseEntityRef(formatEntityRef(r)) deep-equals r, even when ids hold '/'.

export type EntityRefKind =
  | 'account'
  | 'root'
  | 'user'
  | 'group'
  | 'role'
  | 'policy'
  | 'orgPolicy'
  | 'idp'
  | 'bucket'
  | 'table'
  | 'instance'
  | 'key'
  /** A create form; `id` is the kind of thing to create. */
  | 'new';

export interface EntityRef {
  readonly kind: EntityRefKind;
  /** Owning account ('org' for organization policies). */
  readonly accountId: string;
  /** Name, ARN or id, as the world keys it. */
  readonly id: string;
}

const kinds: readonly EntityRefKind[] = ['account', 'root', 'user', 'group', 'role', 'policy', 'orgPolicy', 'idp', 'bucket', 'table', 'instance', 'key', 'new'];

export function formatEntityRef(ref: EntityRef): string {
  return `${ref.kind}/${ref.accountId}/${ref.id}`;
}

export function parseEntityRef(text: string): EntityRef | undefined {
  const first = text.indexOf('/');
  const second = first < 0 ? -1 : text.indexOf('/', first + 1);
  if (second < 0) return undefined;
  const kind = text.slice(0, first) as EntityRefKind;
  if (!kinds.includes(kind)) return undefined;
  return { kind, accountId: text.slice(first + 1, second), id: text.slice(second + 1) };
}

// Reads a role's trust policy into "who can assume it" lines for learners (principals of Allow statements).
// Invariant: never throws; unreadable documents give an empty list (the JSON view shows the text anyway).
export interface TrustedPrincipal {
  readonly kind: 'AWS' | 'Service' | 'Federated' | 'CanonicalUser' | '*';
  readonly value: string;
  readonly action: string;
  readonly conditional: boolean;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function trustedPrincipals(trustPolicy: string): TrustedPrincipal[] {
  let doc: unknown;
  try {
    doc = JSON.parse(trustPolicy);
  } catch {
    return [];
  }
  const raw = doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>).Statement : undefined;
  const statements = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const out: TrustedPrincipal[] = [];
  for (const s of statements) {
    if (s === null || typeof s !== 'object') continue;
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow') continue;
    const action = strings(st.Action).join(', ');
    const conditional = st.Condition !== undefined;
    if (st.Principal === '*') {
      out.push({ kind: '*', value: '*', action, conditional });
      continue;
    }
    if (st.Principal === null || typeof st.Principal !== 'object') continue;
    for (const [kind, value] of Object.entries(st.Principal as Record<string, unknown>)) {
      if (kind !== 'AWS' && kind !== 'Service' && kind !== 'Federated' && kind !== 'CanonicalUser') continue;
      for (const v of strings(value)) out.push({ kind, value: v, action, conditional });
    }
  }
  return out;
}

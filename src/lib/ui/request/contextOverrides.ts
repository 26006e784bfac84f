// Turns the request builder's context fields into the request's overrides (AWS global condition keys).
// Invariant: an empty field adds nothing, so the pipeline's own values stay; filled fields win.
// AWS: IAM User Guide "AWS global condition context keys" (aws:MultiFactorAuthPresent, aws:MultiFactorAuthAge,
// aws:RequestTag/tag-key, aws:TagKeys, aws:CurrentTime).
import type { RequestContext } from '../../domain/evaluation/types';

export interface ContextFields {
  readonly mfa: '' | 'true' | 'false';
  readonly mfaAge: string;
  /** One `key=value` per line. */
  readonly requestTags: string;
  /** ISO time; empty = the lab's clock. */
  readonly currentTime: string;
}

export const emptyContext: ContextFields = { mfa: '', mfaAge: '', requestTags: '', currentTime: '' };

export function contextOverrides(fields: ContextFields): RequestContext {
  const out: Record<string, string | readonly string[]> = {};
  if (fields.mfa) out['aws:MultiFactorAuthPresent'] = fields.mfa;
  if (fields.mfaAge.trim()) out['aws:MultiFactorAuthAge'] = fields.mfaAge.trim();
  const tags = fields.requestTags
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.includes('='))
    .map((line) => [line.slice(0, line.indexOf('=')).trim(), line.slice(line.indexOf('=') + 1).trim()] as const)
    .filter(([k]) => k.length > 0);
  for (const [k, v] of tags) out[`aws:RequestTag/${k}`] = v;
  if (tags.length) out['aws:TagKeys'] = tags.map(([k]) => k);
  if (fields.currentTime.trim()) {
    const iso = fields.currentTime.trim();
    out['aws:CurrentTime'] = iso;
    const ms = Date.parse(iso);
    if (!Number.isNaN(ms)) out['aws:EpochTime'] = String(Math.floor(ms / 1000));
  }
  return out;
}

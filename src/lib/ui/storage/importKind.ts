// Tells an IAM Lab export from an AWS authorization-details dump, so one "Import…" button takes both.
export type ImportKind = 'labFile' | 'awsAccount' | 'unknown';

export function importKind(text: string): ImportKind {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Let the lab-file reader report the JSON error with its position.
    return 'labFile';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'labFile';
  if ('format' in value || 'labs' in value) return 'labFile';
  if (['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'].some((key) => key in value)) return 'awsAccount';
  return 'unknown';
}

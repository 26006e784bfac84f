// The Null condition operator: a presence test, not a value comparison.
// Invariant: `true` holds when the key is absent (or has no values), `false` when it is present;
// any other policy value holds for nothing. AWS: IAM JSON policy elements: Condition operators,
// "Condition operator to check existence of condition keys".

/** Does one Null policy value hold, given whether the request has the key? */
export function nullHolds(policyValue: string, keyPresent: boolean): boolean | null {
  const lower = policyValue.toLowerCase();
  if (lower === 'true') return !keyPresent;
  if (lower === 'false') return keyPresent;
  return null;
}

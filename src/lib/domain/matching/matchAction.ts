// Action matching: does an Action/NotAction pattern such as `s3:Get*` cover a request's action?
// Invariant: case-insensitive everywhere (service prefix and action name), `*` alone covers every action.
// AWS: IAM JSON policy elements: Action ("The prefix and the action name are case insensitive").
import { matchWildcard } from './wildcard';

/** Does the Action pattern cover the action (`service:Name`)? */
export function matchAction(pattern: string, action: string): boolean {
  if (pattern === '*') return true;
  return matchWildcard(pattern, action, true);
}

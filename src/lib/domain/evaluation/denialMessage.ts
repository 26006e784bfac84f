// The AWS-style AccessDenied message for a denied request. Invariant: the sentence names the caller, the
// action, the resource (left out for actions without one) and exactly one policy type, as AWS does.
// AWS: Troubleshooting access denied error messages, "Access denied error message examples"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
import { principalLabel } from './checkStatement';
import type { AuthorizationRequest, Decision, StageName } from './types';

/** How AWS names each policy type inside the message. */
const policyTypeNames: Readonly<Record<StageName, string>> = {
  denyEvaluation: 'policy',
  scp: 'service control policy',
  rcp: 'resource control policy',
  resource: 'resource-based policy',
  identity: 'identity-based policy',
  permissionsBoundary: 'permissions boundary',
  session: 'session policy',
};

/**
 * The message for a denial. `stage` is the policy type that denied: for an explicit deny the stage of
 * the deny statement, for an implicit deny the stage that found no allow. `roleTrust` words the
 * resource-based policy as a role trust policy. Anonymous callers read "User: anonymous", as AWS writes it.
 */
export function denialMessage(request: AuthorizationRequest, decision: Exclude<Decision, 'allowed'>, stage: StageName, roleTrust: boolean): string {
  const who = principalLabel(request.principal);
  const on = request.resource === '*' ? '' : ` on resource: ${request.resource}`;
  const head = `User: ${who} is not authorized to perform: ${request.action}${on}`;
  const typeName = stage === 'resource' && roleTrust ? 'role trust policy' : policyTypeNames[stage];
  // AWS words every SCP denial as explicit, even when no SCP allows the action at some level.
  if (decision === 'explicitDeny' || stage === 'scp') {
    const article = stage === 'resource' && roleTrust ? 'the' : /^[aeiou]/.test(typeName) ? 'an' : 'a';
    return `${head} with an explicit deny in ${article} ${typeName}`;
  }
  return `${head} because no ${typeName} allows the ${request.action} action`;
}

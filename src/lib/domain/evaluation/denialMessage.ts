// The AWS-style AccessDenied message for a denied request. Invariant: the sentence names the caller, the
// action, the resource (left out for actions without one) and exactly one policy type, as AWS does.
// AWS: Troubleshooting access denied error messages, "Access denied error message examples"
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html).
import { callerOf } from '../matching/caller';
import type { AuthorizationRequest, Decision, StageName } from './types';

interface PolicyTypeName {
  readonly name: string;
  readonly article: 'a' | 'an';
}

const named = (name: string, article: 'a' | 'an'): PolicyTypeName => Object.freeze({ name, article });
const policyName = named('policy', 'a');
const scpName = named('service control policy', 'a');
const rcpName = named('resource control policy', 'a');
const resourceName = named('resource-based policy', 'a');
const identityName = named('identity-based policy', 'an');
const boundaryName = named('permissions boundary', 'a');
const sessionName = named('session policy', 'a');

/** How AWS names each policy type inside the message, with its article. */
function policyTypeName(stage: StageName): PolicyTypeName {
  switch (stage) {
    case 'denyEvaluation':
      return policyName;
    case 'scp':
      return scpName;
    case 'rcp':
      return rcpName;
    case 'resource':
      return resourceName;
    case 'identity':
      return identityName;
    case 'permissionsBoundary':
      return boundaryName;
    case 'session':
      return sessionName;
  }
}

/**
 * The message for a denial. `stage` is the policy type that denied: for an explicit deny the stage of
 * the deny statement, for an implicit deny the stage that found no allow. `roleTrust` words the
 * resource-based policy as a role trust policy. Anonymous callers read "User: anonymous", as AWS writes it.
 */
export function denialMessage(request: AuthorizationRequest, decision: Exclude<Decision, 'allowed'>, stage: StageName, roleTrust: boolean): string {
  return denialMessageFor(callerOf(request.principal).label, request, decision, stage, roleTrust);
}

/** denialMessage for a caller whose label (its ARN, or "anonymous") is already known. */
export function denialMessageFor(who: string, request: AuthorizationRequest, decision: Exclude<Decision, 'allowed'>, stage: StageName, roleTrust: boolean): string {
  const on = request.resource === '*' ? '' : ` on resource: ${request.resource}`;
  const head = `User: ${who} is not authorized to perform: ${request.action}${on}`;
  const trust = stage === 'resource' && roleTrust;
  const type = policyTypeName(stage);
  const typeName = trust ? 'role trust policy' : type.name;
  // AWS words every SCP denial as explicit, even when no SCP allows the action at some level.
  if (decision === 'explicitDeny' || stage === 'scp') return `${head} with an explicit deny in ${trust ? 'the' : type.article} ${typeName}`;
  return `${head} because no ${typeName} allows the ${request.action} action`;
}

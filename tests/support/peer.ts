// Adapter to the peer simulator (@cloud-copilot/iam-simulate, AGPL: used here as a test oracle only, never from src/).
// Invariant: a peer answer is either one of AWS's three decisions or 'notComparable' with the peer's reason,
// never silently dropped, so callers can count how often the peer refused a case.
import { anonymousPrincipal, runSimulation } from '@cloud-copilot/iam-simulate';
import type { Simulation, SimulationErrors, SimulationOrgPolicies } from '@cloud-copilot/iam-simulate';
import type { Json } from '../../src/lib/domain/policy/types';
import type { Decision, EvaluationInput, OrgLevel, PolicyInput } from '../../src/lib/domain/evaluation/types';

export type PeerOutcome =
  | { readonly kind: 'decision'; readonly decision: Decision }
  | { readonly kind: 'notComparable'; readonly reason: string };

const rootImplicitAccess = 'root-implicit-full-access';
const allowEverything: Json = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

function documentOf(policy: PolicyInput): Json {
  return typeof policy.document === 'string' ? (JSON.parse(policy.document) as Json) : policy.document;
}

function orgPolicies(levels: readonly OrgLevel[] | undefined): SimulationOrgPolicies[] {
  return (levels ?? []).map((level) => ({
    orgIdentifier: level.id,
    policies: level.policies.map((policy) => ({ name: policy.id, policy: documentOf(policy) })),
  }));
}

function principalArn(input: EvaluationInput): string | null {
  const principal = input.request.principal;
  switch (principal.kind) {
    case 'root':
    case 'user':
    case 'assumedRole':
    case 'federatedUser':
      return principal.arn;
    default:
      return null;
  }
}

/** The account that owns the resource: given, or the one in the ARN, or (for '*') the caller's own. */
function resourceAccountOf(input: EvaluationInput): string {
  const { request } = input;
  if (request.resourceAccount) return request.resourceAccount;
  const fromArn = request.resource.split(':')[4];
  if (fromArn) return fromArn;
  const principal = request.principal;
  return 'accountId' in principal ? principal.accountId : '';
}

/**
 * Builds the peer's Simulation for our input. Throws for callers the peer cannot model
 * (service, web identity and SAML principals), which generators never produce.
 */
export function toSimulation(input: EvaluationInput): Simulation {
  const { request, policies } = input;
  const arn = principalArn(input);
  if (arn === null && request.principal.kind !== 'anonymous') {
    throw new Error(`the peer cannot model a ${request.principal.kind} caller`);
  }
  const sessions = policies.session ?? [];
  if (sessions.length > 1) throw new Error('the peer takes at most one session policy');
  const context: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(request.context)) {
    context[key] = typeof value === 'string' ? value : [...value];
  }
  const identity = policies.identity.map((policy) => ({ name: policy.id, policy: documentOf(policy) }));
  // See tests/peer-differences.md, "root user's implicit permissions": the peer gives the root user no
  // permissions of its own, AWS gives it full access in its account; an Allow-all identity policy says that to the peer.
  if (request.principal.kind === 'root') identity.unshift({ name: rootImplicitAccess, policy: allowEverything });
  const simulation: Simulation = {
    request: {
      principal: arn ?? anonymousPrincipal,
      action: request.action,
      resource: { resource: request.resource, accountId: resourceAccountOf(input) },
      contextVariables: context,
    },
    identityPolicies: identity,
    serviceControlPolicies: orgPolicies(policies.scps),
    resourceControlPolicies: orgPolicies(policies.rcps),
  };
  if (policies.permissionsBoundary) {
    simulation.permissionBoundaryPolicies = [
      { name: policies.permissionsBoundary.id, policy: documentOf(policies.permissionsBoundary) },
    ];
  }
  if (policies.resource) simulation.resourcePolicy = documentOf(policies.resource);
  const session = sessions[0];
  if (session) simulation.sessionPolicy = documentOf(session);
  return simulation;
}

const peerDecisions = {
  Allowed: 'allowed',
  ExplicitlyDenied: 'explicitDeny',
  ImplicitlyDenied: 'implicitDeny',
} as const satisfies Record<string, Decision>;

/** Runs the peer with default options and maps its answer onto AWS's decision names. */
export async function runPeer(input: EvaluationInput): Promise<PeerOutcome> {
  const result = await runSimulation(toSimulation(input), {});
  if (result.resultType === 'error') {
    return { kind: 'notComparable', reason: describeErrors(result.errors) };
  }
  // A wildcard run means the request resource had a '*' and the peer expanded it into several
  // simulations; that is a different question from ours, so it is not comparable.
  if (result.resultType === 'wildcard') {
    return { kind: 'notComparable', reason: 'peer ran a wildcard-resource simulation' };
  }
  // The peer drops context keys that do not apply to the action's resource type; our engine
  // keeps them, so a case that relies on a dropped key asks the two engines different questions.
  const ignored = result.result.ignoredContextKeys ?? [];
  if (ignored.length > 0) {
    return { kind: 'notComparable', reason: `peer ignored context keys ${ignored.join(', ')}` };
  }
  return { kind: 'decision', decision: peerDecisions[result.overallResult] };
}

function describeErrors(errors: SimulationErrors): string {
  const details = Object.entries(errors)
    .filter(([key]) => key !== 'message')
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  return [errors.message, ...details].join('; ');
}

// Adapter to the peer simulator (@cloud-copilot/iam-simulate, AGPL: used here as a test oracle only, never from src/).
// Invariant: a peer answer is either one of AWS's three decisions or 'notComparable' with the peer's reason,
// never silently dropped, so callers can count how often the peer refused a case.
import { anonymousPrincipal, runSimulation } from '@cloud-copilot/iam-simulate';
import type { Simulation, SimulationErrors, SimulationOrgPolicies } from '@cloud-copilot/iam-simulate';
import type { Json } from '../../src/lib/domain/policy/types';
import type { Decision, EvaluationInput, OrgLevel, PolicyInput } from '../../src/lib/domain/evaluation/types';
import { parseOperator } from '../../src/lib/domain/conditions/operators';

type JsonObject = { [key: string]: Json };

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

/** The caller as the peer names it: an ARN, or a service principal's name; null for anonymous and identity providers. */
function principalArn(input: EvaluationInput): string | null {
  const principal = input.request.principal;
  switch (principal.kind) {
    case 'root':
    case 'user':
    case 'assumedRole':
    case 'federatedUser':
      return principal.arn;
    case 'service':
      return principal.service;
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
 * (web identity and SAML principals), which generators never produce.
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

// ---- Known differences between the peer and AWS's documentation (tests/peer-differences.md) ----

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: Json | undefined): Json[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function statementsOf(policy: PolicyInput | undefined): JsonObject[] {
  if (!policy) return [];
  const document = typeof policy.document === 'string' ? (JSON.parse(policy.document) as Json) : policy.document;
  return isObject(document) ? listOf(document.Statement).filter(isObject) : [];
}

function everyPolicy(input: EvaluationInput): PolicyInput[] {
  const { policies } = input;
  return [
    ...policies.identity,
    ...(policies.permissionsBoundary ? [policies.permissionsBoundary] : []),
    ...(policies.scps ?? []).flatMap((level) => level.policies),
    ...(policies.rcps ?? []).flatMap((level) => level.policies),
    ...(policies.resource ? [policies.resource] : []),
    ...(policies.session ?? []),
  ];
}

function hasContextKey(input: EvaluationInput, key: string): boolean {
  const lower = key.toLowerCase();
  return Object.keys(input.request.context).some((present) => present.toLowerCase() === lower);
}

/** True when `text` holds a policy variable with no default whose key the request context lacks. */
function hasUnresolvedVariable(text: Json, context: EvaluationInput['request']['context']): boolean {
  if (typeof text !== 'string') return false;
  const present = new Set(Object.keys(context).map((key) => key.toLowerCase()));
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    const inner = match[1] ?? '';
    if (inner === '*' || inner === '?' || inner === '$' || inner.includes(',')) continue;
    if (!present.has(inner.trim().toLowerCase())) return true;
  }
  return false;
}

/**
 * Shapes where AWS's documentation and the peer disagree; each names its heading in
 * tests/peer-differences.md, where the AWS reference and an example are given. Only these are left out.
 */
export const knownPeerDifferences: readonly { readonly entry: string; readonly applies: (input: EvaluationInput) => boolean }[] = [
  {
    entry: 'sts:GetCallerIdentity is not a policy question',
    applies: ({ request }) => request.action.toLowerCase() === 'sts:getcalleridentity' && request.principal.kind !== 'anonymous',
  },
  {
    entry: 'A session policy does not limit a resource-based grant to the session itself',
    applies: ({ request, policies }) => {
      const principal = request.principal;
      if (principal.kind !== 'assumedRole' && principal.kind !== 'federatedUser') return false;
      if ((policies.session ?? []).length === 0) return false;
      if (principal.accountId !== request.resourceAccount) return false;
      return statementsOf(policies.resource).some((statement) => {
        if (statement.Effect !== 'Allow') return false;
        const named = statement.Principal;
        if (named === '*') return true;
        return isObject(named) && listOf(named.AWS).some((aws) => aws === '*' || aws === principal.arn);
      });
    },
  },
  {
    entry: 'A federated user session without a session policy has no permissions',
    applies: ({ request, policies }) => request.principal.kind === 'federatedUser' && (policies.session ?? []).length === 0,
  },
  {
    entry: 'Policy variables work only under Version 2012-10-17',
    applies: (input) =>
      everyPolicy(input).some((policy) => {
        const document = typeof policy.document === 'string' ? (JSON.parse(policy.document) as Json) : policy.document;
        if (!isObject(document) || document.Version === '2012-10-17') return false;
        return statementsOf(policy).some(
          (statement) =>
            [...listOf(statement.Resource), ...listOf(statement.NotResource)].some((entry) => typeof entry === 'string' && entry.includes('${')) ||
            (isObject(statement.Condition) && JSON.stringify(statement.Condition).includes('${')),
        );
      }),
  },
  {
    entry: 'Negated condition operators match a policy variable that has no value',
    applies: (input) =>
      everyPolicy(input).some((policy) =>
        statementsOf(policy).some((statement) => {
          const condition = statement.Condition;
          if (!isObject(condition)) return false;
          return Object.entries(condition).some(([operator, clauses]) => {
            if (!parseOperator(operator)?.negated || !isObject(clauses)) return false;
            // With the key itself absent, a negated operator matches in both readings; only a present key differs.
            return Object.entries(clauses).some(
              ([key, values]) =>
                hasContextKey(input, key) && listOf(values).some((value) => hasUnresolvedVariable(value, input.request.context)),
            );
          });
        }),
      ),
  },
  {
    entry: 'NotPrincipal naming an account exempts only the account, not everyone in it',
    applies: ({ request, policies }) => {
      const principal = request.principal;
      if (principal.kind !== 'user' && principal.kind !== 'assumedRole' && principal.kind !== 'federatedUser') return false;
      const account = principal.accountId;
      const layers = principal.kind === 'assumedRole' ? [principal.roleArn, principal.arn] : [principal.arn];
      return statementsOf(policies.resource).some((statement) => {
        const named = statement.NotPrincipal;
        if (!isObject(named)) return false;
        const listed = listOf(named.AWS);
        const accountListed = listed.some((aws) => aws === account || aws === `arn:aws:iam::${account}:root`);
        return accountListed && layers.some((layer) => !listed.includes(layer));
      });
    },
  },
  {
    entry: 'NotIpAddress with a bare IPv4 address and an IPv6 caller',
    applies: (input) => {
      const sourceIp = Object.entries(input.request.context).find(([key]) => key.toLowerCase() === 'aws:sourceip')?.[1];
      if (typeof sourceIp !== 'string' || !sourceIp.includes(':')) return false;
      return someClause(
        input,
        (operator, _key, values) =>
          parseOperator(operator)?.base === 'NotIpAddress' && values.some((v) => typeof v === 'string' && v.includes('.') && !v.includes('/')),
      );
    },
  },
  {
    entry: 'A NotResource entry with a variable that has no value excludes nothing',
    applies: (input) =>
      everyPolicy(input).some((policy) =>
        statementsOf(policy).some((statement) =>
          listOf(statement.NotResource).some((entry) => hasUnresolvedVariable(entry, input.request.context)),
        ),
      ),
  },
];

/** True when some statement of some policy has a condition clause matching `test`. */
function someClause(input: EvaluationInput, test: (operator: string, key: string, values: Json[]) => boolean): boolean {
  return everyPolicy(input).some((policy) =>
    statementsOf(policy).some((statement) => {
      const condition = statement.Condition;
      if (!isObject(condition)) return false;
      return Object.entries(condition).some(
        ([operator, clauses]) => isObject(clauses) && Object.entries(clauses).some(([key, values]) => test(operator, key, listOf(values))),
      );
    }),
  );
}

export function peerDifference(input: EvaluationInput): string | null {
  for (const difference of knownPeerDifferences) if (difference.applies(input)) return difference.entry;
  return null;
}

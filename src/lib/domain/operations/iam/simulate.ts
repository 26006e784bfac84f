// IAM's policy simulator API: SimulateCustomPolicy (policies given as strings) and SimulatePrincipalPolicy
// (the policies of a user, group or role, plus optional extra ones) evaluate each action × resource pair
// with the engine and report AWS's EvaluationResults. Invariant: read-only, nothing in the world changes.
// AWS: IAM API Reference "SimulateCustomPolicy", "SimulatePrincipalPolicy" (EvaluationResult, Statement,
// Position, ContextEntry); IAM User Guide "Testing IAM policies with the IAM policy simulator".
import { evaluate } from '../../evaluation/evaluate';
import type { PolicyInput, PolicySet, RequestContext, RequestPrincipal } from '../../evaluation/types';
import type { Json } from '../../policy/types';
import { parsePolicyText } from '../../policy/parsePolicyText';
import { gatherPolicies } from '../../pipeline/gatherPolicies';
import type { AuthenticatedPrincipal, GatheredPolicy } from '../../pipeline/types';
import type { Account, World } from '../../world/types';
import { fail, iamErrors } from '../operationError';
import { optionalString, readStringList } from '../params';
import { checkPolicyDocument } from '../policyDocuments';
import type { OperationSpec, PlanContext, RunContext } from '../types';
import { findManagedPolicy, findName } from './iamShared';

/** One policy of the simulation with what AWS reports about it in MatchedStatements. */
interface SimPolicy {
  readonly input: PolicyInput;
  readonly text: string;
  readonly sourceId: string;
  readonly sourceType: 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none';
}

interface Simulation {
  readonly principal: RequestPrincipal;
  readonly identity: readonly SimPolicy[];
  readonly boundary?: SimPolicy;
  readonly resource?: SimPolicy;
  readonly scps?: PolicySet['scps'];
  readonly context: RequestContext;
}

function requireList(params: RunContext['params'], name: string, member: string): string[] {
  const list = readStringList(params, name);
  if (list.length === 0) fail('ValidationError', `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`);
  return list;
}

/** ContextEntries → request context; list types and several values make multi-valued keys. */
function contextOf(params: RunContext['params']): RequestContext {
  const entries = params.ContextEntries;
  const out: Record<string, string | readonly string[]> = {};
  if (!Array.isArray(entries)) return out;
  for (const e of entries) {
    if (e === null || typeof e !== 'object' || Array.isArray(e) || typeof e.ContextKeyName !== 'string') continue;
    const raw = e.ContextKeyValues;
    const values = Array.isArray(raw) ? raw.map((v) => String(v)) : raw === undefined || raw === null ? [] : [String(raw)];
    const multi = typeof e.ContextKeyType === 'string' && e.ContextKeyType.endsWith('List');
    out[e.ContextKeyName] = multi || values.length > 1 ? values : (values[0] ?? '');
  }
  return out;
}

/** Where a statement starts and ends in its policy text (1-based, as AWS's Position). */
function statementPositions(text: string, statementIndex: number): { StartPosition: Json; EndPosition: Json } | undefined {
  const parsed = parsePolicyText(text);
  if (!parsed.ok) return undefined;
  const doc = parsed.value;
  const single = doc !== null && typeof doc === 'object' && !Array.isArray(doc) && !Array.isArray(doc.Statement);
  const start = parsed.positions.positionOf(single ? '/Statement' : `/Statement/${statementIndex}`);
  if (!start) return undefined;
  const lines = text.split('\n');
  let offset = lines.slice(0, start.line - 1).reduce((n, l) => n + l.length + 1, 0) + start.column - 1;
  let depth = 0;
  let inString = false;
  for (; offset < text.length; offset += 1) {
    const c = text.charAt(offset);
    if (inString) {
      if (c === '\\') offset += 1;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth += 1;
    else if (c === '}' || c === ']') {
      depth -= 1;
      if (depth === 0) break;
    }
  }
  const before = text.slice(0, offset + 1).split('\n');
  return { StartPosition: { Line: start.line, Column: start.column }, EndPosition: { Line: before.length, Column: (before.at(-1) ?? '').length } };
}

function simPolicy(id: string, sourceId: string, sourceType: SimPolicy['sourceType'], text: string): SimPolicy {
  return { input: { id, label: sourceId, document: text }, text, sourceId, sourceType };
}

function inputList(params: RunContext['params'], name: string, kind: 'identity' | 'boundary'): SimPolicy[] {
  return readStringList(params, name).map((text, i) => {
    checkPolicyDocument(text, 'identity');
    return simPolicy(`${name}.${i + 1}`, `${kind === 'identity' ? 'PolicyInputList' : 'PermissionsBoundaryPolicyInputList'}.${i + 1}`, 'none', text);
  });
}

function resourcePolicyOf(params: RunContext['params']): SimPolicy | undefined {
  const text = optionalString(params, 'ResourcePolicy');
  if (text === undefined) return undefined;
  checkPolicyDocument(text, 'resource');
  return simPolicy('ResourcePolicy', 'ResourcePolicy', 'resource', text);
}

function fromGathered(g: GatheredPolicy, input: PolicyInput): SimPolicy {
  const text = typeof input.document === 'string' ? input.document : JSON.stringify(input.document, null, 2);
  const s = g.source;
  switch (s.kind) {
    case 'userInline':
    case 'groupInline':
    case 'roleInline':
      return { input, text, sourceId: s.policyName, sourceType: s.kind === 'userInline' ? 'user' : s.kind === 'groupInline' ? 'group' : 'role' };
    case 'userManaged':
    case 'groupManaged':
    case 'roleManaged':
    case 'permissionsBoundary': {
      const name = s.policyArn.split('/').pop() ?? s.policyArn;
      return { input, text, sourceId: name, sourceType: s.policyArn.startsWith('arn:aws:iam::aws:') ? 'aws-managed' : 'user-managed' };
    }
    default:
      return { input, text, sourceId: g.label, sourceType: 'none' };
  }
}

/** The user, group or role named by PolicySourceArn, in a simulated account. */
function sourceEntity(world: World, arn: string): { account: Account; kind: 'user' | 'group' | 'role'; name: string } {
  const m = /^arn:aws:iam::(\d{12}):(user|group|role)\/(?:.*\/)?([^/]+)$/.exec(arn);
  const account = m?.[1] ? world.accounts[m[1]] : undefined;
  const kind = m?.[2] as 'user' | 'group' | 'role' | undefined;
  const records = account && kind ? (kind === 'user' ? account.users : kind === 'group' ? account.groups : account.roles) : undefined;
  const name = records && m?.[3] ? findName(records, m[3]) : undefined;
  if (!account || !kind || name === undefined) return iamErrors.noSuchEntity(`PolicySourceArn ${arn} does not name a user, group or role of a simulated account.`);
  return { account, kind, name };
}

function principalSimulation(ctx: RunContext): Simulation {
  const arn = optionalString(ctx.params, 'PolicySourceArn') ?? '';
  const { account, kind, name } = sourceEntity(ctx.world, arn);
  const extra = inputList(ctx.params, 'PolicyInputList', 'identity');
  const context = contextOf(ctx.params);
  const resource = resourcePolicyOf(ctx.params);
  if (kind === 'group') {
    const group = account.groups[name];
    const identity: SimPolicy[] = [];
    for (const [policyName, text] of Object.entries(group?.inlinePolicies ?? {})) identity.push(simPolicy(`group:${name}:inline:${policyName}`, policyName, 'group', text));
    for (const policyArn of group?.attachedPolicies ?? []) {
      const p = findManagedPolicy(ctx.world, policyArn);
      const text = p?.versions.find((v) => v.versionId === p.defaultVersionId)?.document;
      if (p && text) identity.push(simPolicy(`group:${name}:managed:${policyArn}`, p.name, p.awsManaged ? 'aws-managed' : 'user-managed', text));
    }
    const callerArn = optionalString(ctx.params, 'CallerArn');
    const principal: RequestPrincipal = callerArn ? { kind: 'user', arn: callerArn, accountId: account.id } : { kind: 'user', arn: `arn:aws:iam::${account.id}:user/SimulatedGroupMember`, accountId: account.id };
    return { principal, identity: [...identity, ...extra], ...(resource ? { resource } : {}), context };
  }
  const entity = kind === 'user' ? account.users[name] : account.roles[name];
  const caller: AuthenticatedPrincipal =
    kind === 'user'
      ? { principal: { kind: 'user', arn: entity?.arn ?? arn, accountId: account.id }, accountId: account.id, principalType: 'User', userName: name, via: 'accessKey' }
      : {
          principal: { kind: 'assumedRole', arn: `arn:aws:sts::${account.id}:assumed-role/${name}/SimulatedSession`, roleArn: entity?.arn ?? arn, accountId: account.id },
          accountId: account.id,
          principalType: 'AssumedRole',
          roleName: name,
          sessionName: 'SimulatedSession',
          via: 'temporaryCredentials',
        };
  const { set, gathered } = gatherPolicies(ctx.world, caller, { action: 'iam:SimulatePrincipalPolicy', resource: '*' });
  const wrap = (input: PolicyInput): SimPolicy => {
    const g = gathered.find((x) => x.id === input.id);
    return g ? fromGathered(g, input) : simPolicy(input.id, input.label ?? input.id, 'none', typeof input.document === 'string' ? input.document : JSON.stringify(input.document));
  };
  const callerArn = optionalString(ctx.params, 'CallerArn');
  const principal: RequestPrincipal = callerArn && kind === 'user' ? { kind: 'user', arn: callerArn, accountId: account.id } : caller.principal;
  return {
    principal,
    identity: [...set.identity.map(wrap), ...extra],
    ...(set.permissionsBoundary ? { boundary: wrap(set.permissionsBoundary) } : {}),
    ...(resource ? { resource } : {}),
    ...(set.scps ? { scps: set.scps } : {}),
    context,
  };
}

function customSimulation(ctx: RunContext): Simulation {
  const identity = inputList(ctx.params, 'PolicyInputList', 'identity');
  if (identity.length === 0) requireList(ctx.params, 'PolicyInputList', 'policyInputList');
  const boundaries = inputList(ctx.params, 'PermissionsBoundaryPolicyInputList', 'boundary');
  const callerArn = optionalString(ctx.params, 'CallerArn');
  const accountId = ctx.caller.accountId ?? '123456789012';
  // The policies are simulated as an IAM user's: never as the caller, who may be the (unlimited) root user.
  const principal: RequestPrincipal = { kind: 'user', arn: callerArn ?? `arn:aws:iam::${accountId}:user/SimulatedUser`, accountId };
  const resource = resourcePolicyOf(ctx.params);
  return { principal, identity, ...(boundaries[0] ? { boundary: boundaries[0] } : {}), ...(resource ? { resource } : {}), context: contextOf(ctx.params) };
}

function simulate(ctx: RunContext, sim: Simulation): Json {
  const actions = requireList(ctx.params, 'ActionNames', 'actionNames');
  const resources = readStringList(ctx.params, 'ResourceArns');
  const all = [...sim.identity, ...(sim.boundary ? [sim.boundary] : []), ...(sim.resource ? [sim.resource] : [])];
  const results: Json[] = [];
  for (const action of actions) {
    for (const resource of resources.length ? resources : ['*']) {
      const policies: PolicySet = {
        identity: sim.identity.map((p) => p.input),
        ...(sim.boundary ? { permissionsBoundary: sim.boundary.input } : {}),
        ...(sim.resource ? { resource: sim.resource.input } : {}),
        ...(sim.scps ? { scps: sim.scps } : {}),
      };
      const r = evaluate({ request: { principal: sim.principal, action, resource, context: sim.context }, policies }, { trace: false });
      if (r.kind === 'malformed') return fail('MalformedPolicyDocument', r.message, 400);
      const matched = r.reasons.flatMap((reason) => {
        const p = all.find((x) => x.input.id === reason.policyId);
        if (!p) return [];
        return [{ SourcePolicyId: p.sourceId, SourcePolicyType: p.sourceType, ...(statementPositions(p.text, reason.statementIndex) ?? {}) }];
      });
      results.push({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: r.decision,
        MatchedStatements: matched,
        MissingContextValues: [],
        ...(sim.boundary ? { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: r.decisiveStage !== 'permissionsBoundary' } } : {}),
        ...(sim.scps ? { OrganizationsDecisionDetail: { AllowedByOrganizations: r.decisiveStage !== 'scp' } } : {}),
      });
    }
  }
  return { EvaluationResults: results, IsTruncated: false };
}

function planPrincipal(ctx: PlanContext) {
  const arn = optionalString(ctx.params, 'PolicySourceArn');
  if (!arn) return fail('ValidationError', "1 validation error detected: Value null at 'policySourceArn' failed to satisfy constraint: Member must not be null");
  return [{ action: 'iam:SimulatePrincipalPolicy', resource: arn }];
}

export const simulateOperations: readonly OperationSpec[] = [
  {
    name: 'iam:SimulateCustomPolicy',
    crud: 'Read',
    accessDeniedCode: 'AccessDenied',
    plan: () => [{ action: 'iam:SimulateCustomPolicy', resource: '*' }],
    run: (ctx) => simulate(ctx, customSimulation(ctx)),
  },
  {
    name: 'iam:SimulatePrincipalPolicy',
    crud: 'Read',
    accessDeniedCode: 'AccessDenied',
    plan: planPrincipal,
    run: (ctx) => simulate(ctx, principalSimulation(ctx)),
  },
];

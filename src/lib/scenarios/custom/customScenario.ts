// Scenarios written by teachers in the builder: a starting lab (a snapshot of their lab), steps whose
// goals are short sentences ("alice can s3:GetObject on …", "bob cannot …", "a request was sent with an
// access key"), hints and text. Invariant: a spec is plain JSON; goals are data, compiled to predicates
// that ask the same engine the pipeline uses (simulateAuthorization), so "can" means what send() decides.
import { simulateAuthorization } from '../../domain/pipeline/simulate';
import type { IdentityRef } from '../../domain/pipeline/simulate';
import type { RequestRecord } from '../../domain/pipeline/types';
import { validateWorld } from '../../domain/world/validateWorld';
import type { World } from '../../domain/world/types';
import type { GoalContext, Scenario } from '../types';

export const customScenarioKind = 'iam-lab-scenario';
export const customScenarioVersion = 1;

type Who = { readonly kind: 'user'; readonly accountId: string; readonly userName: string } | { readonly kind: 'role'; readonly accountId: string; readonly roleName: string } | { readonly kind: 'root'; readonly accountId: string };
export type Via = 'accessKey' | 'console' | 'anonymous' | 'temporaryCredentials';

export type GoalSpec =
  | { readonly kind: 'can' | 'cannot'; readonly who: Who; readonly action: string; readonly resource: string }
  | { readonly kind: 'sent'; readonly via: Via };

export interface CustomStepSpec {
  readonly instruction: string;
  /** The goal as the teacher wrote it (kept for editing) and as parsed. */
  readonly goalText: string;
  readonly goal: GoalSpec;
  readonly hints: readonly string[];
  readonly explanation: string;
}

export interface CustomScenarioSpec {
  readonly kind: typeof customScenarioKind;
  readonly version: typeof customScenarioVersion;
  readonly title: string;
  readonly goal: string;
  readonly world: World;
  readonly steps: readonly CustomStepSpec[];
}

const viaWords: readonly [RegExp, Via][] = [
  [/^with an? access key$/, 'accessKey'],
  [/^with a (console )?password$|^from the console$/, 'console'],
  [/^anonymously$|^without credentials$/, 'anonymous'],
  [/^with temporary credentials$/, 'temporaryCredentials'],
];

function findWho(world: World, words: string): Who | undefined {
  const w = words.trim();
  const accounts = Object.values(world.accounts);
  const root = /^(?:the )?root(?: user)?(?: of (\d{12}))?$/i.exec(w);
  if (root) {
    const accountId = root[1] ?? accounts[0]?.id;
    return accountId && world.accounts[accountId] ? { kind: 'root', accountId } : undefined;
  }
  const role = /^role (\S+)$/i.exec(w);
  const name = role?.[1] ?? w;
  for (const a of accounts) {
    if (!role && a.users[name]) return { kind: 'user', accountId: a.id, userName: name };
    if (a.roles[name]) return { kind: 'role', accountId: a.id, roleName: name };
  }
  return undefined;
}

export type ParsedGoal = { readonly ok: true; readonly goal: GoalSpec } | { readonly ok: false; readonly message: string };

/** Reads one goal sentence against the lab (names must exist in it). */
export function parseGoal(text: string, world: World): ParsedGoal {
  const t = text.trim().replace(/[.\s]+$/, '').replace(/\s+/g, ' ');
  const sent = /^a request was sent (.+)$/i.exec(t);
  if (sent) {
    const found = viaWords.find(([re]) => re.test((sent[1] ?? '').toLowerCase()));
    return found ? { ok: true, goal: { kind: 'sent', via: found[1] } } : { ok: false, message: 'Say how: "with an access key", "with a password", "anonymously" or "with temporary credentials".' };
  }
  const m = /^(.+?) (can|cannot|can't|can not) (\S+:\S+) on (\S+)$/i.exec(t);
  if (!m) return { ok: false, message: 'Write "NAME can ACTION on RESOURCE", "NAME cannot ACTION on RESOURCE" or "a request was sent with an access key".' };
  const who = findWho(world, m[1] ?? '');
  if (!who) return { ok: false, message: `No user, role or root user called "${m[1]}" in this lab.` };
  return { ok: true, goal: { kind: (m[2] ?? '').toLowerCase() === 'can' ? 'can' : 'cannot', who, action: m[3] ?? '', resource: m[4] ?? '' } };
}

function refOf(who: Who): IdentityRef {
  return who.kind === 'user' ? { kind: 'user', accountId: who.accountId, userName: who.userName } : who.kind === 'role' ? { kind: 'role', accountId: who.accountId, roleName: who.roleName } : { kind: 'root', accountId: who.accountId };
}

/** Whether a goal holds now: "can/cannot" ask the engine about the lab as it is; "sent" looks at the requests. */
export function checkGoal(goal: GoalSpec, world: World, records: readonly RequestRecord[]): boolean {
  if (goal.kind === 'sent') return records.some((r) => r.response.ok && r.authentication.principal?.via === goal.via);
  const result = simulateAuthorization(world, refOf(goal.who), goal.action, goal.resource, { trace: false })?.result;
  const allowed = result?.kind === 'decision' && result.decision === 'allowed';
  return goal.kind === 'can' ? allowed : !allowed;
}

/** A stable id from the spec's text, so progress of a shared scenario is kept per scenario. */
export function customScenarioId(spec: CustomScenarioSpec): string {
  let h = 2166136261;
  for (const ch of JSON.stringify([spec.title, spec.goal, spec.steps.map((s) => s.goalText)])) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return `custom-${h.toString(36)}`;
}

export function compileCustomScenario(spec: CustomScenarioSpec): Scenario {
  return {
    id: customScenarioId(spec),
    number: 0,
    title: spec.title,
    goal: spec.goal,
    docs: [{ title: 'Policy evaluation logic', url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html' }],
    world: spec.world,
    setup: [],
    solution: [],
    steps: spec.steps.map((s, i) => ({
      kind: 'task',
      id: `step-${i + 1}`,
      instruction: s.instruction,
      hints: s.hints.length ? s.hints : [s.goalText],
      explanation: s.explanation,
      goal: (ctx: GoalContext) => checkGoal(s.goal, ctx.world, ctx.recent),
    })),
  };
}

/** Checks an imported or linked spec (untrusted): shape, text lengths, world validity, goals re-parsed against the world. */
export function readCustomScenario(value: unknown): { ok: true; spec: CustomScenarioSpec } | { ok: false; message: string } {
  if (!value || typeof value !== 'object') return { ok: false, message: 'This is not an IAM Lab scenario.' };
  const v = value as Record<string, unknown>;
  if (v.kind !== customScenarioKind) return { ok: false, message: 'This is not an IAM Lab scenario.' };
  if (typeof v.version !== 'number' || v.version > customScenarioVersion) return { ok: false, message: 'This scenario was made by a newer IAM Lab; reload to update.' };
  const text = (x: unknown, max: number) => (typeof x === 'string' && x.length <= max ? x : null);
  const title = text(v.title, 200);
  const goal = text(v.goal, 2000);
  if (!title || goal === null || !Array.isArray(v.steps) || v.steps.length === 0 || v.steps.length > 50) return { ok: false, message: 'The scenario needs a title and 1 to 50 steps.' };
  const checked = validateWorld(v.world);
  if (!checked.ok) return { ok: false, message: 'The scenario\'s lab is not valid.' };
  const steps: CustomStepSpec[] = [];
  for (const raw of v.steps as unknown[]) {
    const s = (raw ?? {}) as Record<string, unknown>;
    const goalText = text(s.goalText, 500);
    const parsed = goalText ? parseGoal(goalText, checked.world) : null;
    if (!parsed?.ok) return { ok: false, message: `A goal cannot be read: ${parsed ? parsed.message : 'missing'}` };
    const hints = Array.isArray(s.hints) ? s.hints.filter((h): h is string => typeof h === 'string' && h.length <= 1000).slice(0, 10) : [];
    steps.push({ instruction: text(s.instruction, 2000) ?? '', goalText: goalText ?? '', goal: parsed.goal, hints, explanation: text(s.explanation, 2000) ?? '' });
  }
  return { ok: true, spec: { kind: customScenarioKind, version: customScenarioVersion, title, goal, world: checked.world, steps } };
}

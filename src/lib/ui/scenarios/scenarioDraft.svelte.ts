// The builder's draft of a teacher's scenario: text, steps with goal sentences, and the starting lab (a
// snapshot of the sandbox). Invariant: `dirty` is true from the first edit until the draft was shared,
// downloaded or tried, so leaving the builder can warn before unsaved work is lost.
import type { World } from '../../domain/world/types';
import { checkGoal, customScenarioKind, customScenarioVersion, parseGoal } from '../../scenarios';
import type { CustomScenarioSpec, ParsedGoal } from '../../scenarios';

export interface DraftStep {
  instruction: string;
  goalText: string;
  hints: string;
  explanation: string;
}

const emptyStep = (): DraftStep => ({ instruction: '', goalText: '', hints: '', explanation: '' });

export class ScenarioDraft {
  title = $state('');
  goal = $state('');
  steps = $state<DraftStep[]>([emptyStep()]);
  world = $state.raw<World>(undefined as unknown as World);
  dirty = $state(false);

  constructor(world: World) {
    this.world = world;
  }

  touch(): void {
    this.dirty = true;
  }

  useLab(world: World): void {
    this.world = world;
    this.dirty = true;
  }

  addStep(): void {
    this.steps.push(emptyStep());
    this.dirty = true;
  }

  removeStep(index: number): void {
    this.steps.splice(index, 1);
    this.dirty = true;
  }

  parsed(index: number): ParsedGoal | null {
    const text = this.steps[index]?.goalText.trim();
    return text ? parseGoal(text, this.world) : null;
  }

  /** Whether a step's goal already holds in the starting lab (a goal met from the start teaches nothing). */
  metAtStart(index: number): boolean | null {
    const p = this.parsed(index);
    return p?.ok ? checkGoal(p.goal, this.world, []) : null;
  }

  toSpec(): { ok: true; spec: CustomScenarioSpec } | { ok: false; problems: string[] } {
    const problems: string[] = [];
    if (!this.title.trim()) problems.push('title');
    const steps = this.steps.map((s, i) => {
      const p = this.parsed(i);
      if (!p?.ok || !s.instruction.trim()) problems.push(`step ${i + 1}`);
      return {
        instruction: s.instruction.trim(),
        goalText: s.goalText.trim(),
        goal: p?.ok ? p.goal : { kind: 'sent' as const, via: 'accessKey' as const },
        hints: s.hints.split('\n').map((h) => h.trim()).filter(Boolean),
        explanation: s.explanation.trim(),
      };
    });
    if (problems.length) return { ok: false, problems };
    return { ok: true, spec: { kind: customScenarioKind, version: customScenarioVersion, title: this.title.trim(), goal: this.goal.trim(), world: this.world, steps } };
  }

  load(spec: CustomScenarioSpec): void {
    this.title = spec.title;
    this.goal = spec.goal;
    this.world = spec.world;
    this.steps = spec.steps.map((s) => ({ instruction: s.instruction, goalText: s.goalText, hints: s.hints.join('\n'), explanation: s.explanation }));
    this.dirty = false;
  }
}

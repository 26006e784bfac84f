// @vitest-environment jsdom
// The lesson's forms: a prediction cannot be sent until a decision (and, when asked, the deciding policy) is
// chosen; a quiz sends the chosen answer and explains a wrong one; a goal sentence is checked as it is typed.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import PredictPanel from '../../../src/lib/ui/scenarios/PredictPanel.svelte';
import QuizPanel from '../../../src/lib/ui/scenarios/QuizPanel.svelte';
import BuilderStep from '../../../src/lib/ui/scenarios/BuilderStep.svelte';
import { ScenarioDraft } from '../../../src/lib/ui/scenarios/scenarioDraft.svelte';
import { findScenario } from '../../../src/lib/scenarios';
import type { Prediction, PredictStep, QuizStep } from '../../../src/lib/scenarios';
import { createEmptyWorld, newAccount, withAccount } from '../../../src/lib/domain/world/createEmptyWorld';

afterEach(cleanup);

const groups = findScenario('groups')!;
const predictStep = groups.steps[0] as PredictStep;
const quizStep = findScenario('roles')!.steps.find((s) => s.kind === 'quiz') as QuizStep;

describe('PredictPanel', () => {
  it('sends only once a decision and a policy are chosen, with both', async () => {
    const predictions: Prediction[] = [];
    render(PredictPanel, { step: predictStep, busy: false, onPredict: (p: Prediction) => predictions.push(p) });
    const send = screen.getByRole('button', { name: 'Predict and send' });
    expect(send).toHaveProperty('disabled', true);
    await fireEvent.click(screen.getByRole('radio', { name: 'Allowed' }));
    expect(send).toHaveProperty('disabled', true);
    await fireEvent.click(screen.getByRole('radio', { name: 'Group Developers · DeveloperAppAccess' }));
    expect(send).toHaveProperty('disabled', false);
    await fireEvent.click(send);
    expect(predictions).toEqual([{ decision: 'allowed', policy: 'group' }]);
  });
});

describe('QuizPanel', () => {
  it('answers with the chosen choice and shows why a wrong one is wrong', async () => {
    const answers: string[] = [];
    const { rerender } = render(QuizPanel, { step: quizStep, feedback: null, onAnswer: (id: string) => answers.push(id) });
    const wrong = quizStep.choices.find((c) => !c.correct)!;
    await fireEvent.click(screen.getByRole('radio', { name: wrong.text }));
    await fireEvent.click(screen.getByRole('button', { name: 'Check answer' }));
    expect(answers).toEqual([wrong.id]);
    await rerender({ step: quizStep, feedback: { stepId: quizStep.id, choiceId: wrong.id, correct: false, explanation: wrong.explanation }, onAnswer: () => undefined });
    expect(screen.getByRole('status').textContent).toContain(wrong.explanation);
  });
});

describe('BuilderStep', () => {
  it('checks the goal sentence against the starting lab as it is typed', async () => {
    const account = newAccount({ id: '111122223333', name: 'Test', rootEmail: 'root@test.example', rootPasswordHash: 'x' });
    const world = withAccount(createEmptyWorld('2026-01-15T09:00:00.000Z'), account);
    const draft = new ScenarioDraft(world);
    render(BuilderStep, { draft, index: 0 });
    const goal = screen.getByLabelText('Goal (checked automatically)');
    await fireEvent.input(goal, { target: { value: 'nobody can s3:GetObject on *' } });
    flushSync();
    expect(screen.getByRole('status').textContent).toContain('No user, role or root user called "nobody"');
    await fireEvent.input(goal, { target: { value: 'the root user can s3:GetObject on *' } });
    flushSync();
    expect(screen.getByRole('status').textContent).toContain('already holds in the starting lab');
    expect(draft.dirty).toBe(true);
  });
});

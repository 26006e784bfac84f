// The What-if panel's state for one record: the learner's edits, the engine re-run they give, and Apply.
// Invariant: nothing here touches the lab until `apply`, which goes through `lab.send` like any request.
import type { RequestRecord } from '../../domain/pipeline/types';
import type { LabState } from '../state/lab.svelte';
import { applyPlan, rerun, whatIfCheck, isEdited, type ApplyPlan, type PolicyEdit, type WhatIfEdits, type WhatIfRun } from './whatIf';

export interface ApplyOutcome {
  readonly operation: string;
  readonly ok: boolean;
  readonly message: string;
}

const unchanged: PolicyEdit = { enabled: true, statementsOff: [] };

export class WhatIfState {
  readonly #record: () => RequestRecord;
  edits = $state.raw<WhatIfEdits>({});
  applying = $state(false);
  results = $state.raw<readonly ApplyOutcome[]>([]);

  readonly target: ReturnType<typeof whatIfCheck>;
  readonly run: WhatIfRun | null;
  readonly plan: ApplyPlan | null;
  readonly dirty = $derived(Object.values(this.edits).some(isEdited));

  constructor(record: () => RequestRecord) {
    this.#record = record;
    this.target = $derived(whatIfCheck(this.#record()));
    this.run = $derived(this.target ? rerun(this.#record(), this.target.check, this.edits) : null);
    this.plan = $derived(this.target ? applyPlan(this.#record(), this.target.check, this.edits) : null);
  }

  edit(policyId: string): PolicyEdit {
    return this.edits[policyId] ?? unchanged;
  }

  #update(policyId: string, change: Partial<PolicyEdit>): void {
    this.edits = { ...this.edits, [policyId]: { ...this.edit(policyId), ...change } };
  }

  togglePolicy(policyId: string): void {
    this.#update(policyId, { enabled: !this.edit(policyId).enabled });
  }

  toggleStatement(policyId: string, index: number): void {
    const off = this.edit(policyId).statementsOff;
    this.#update(policyId, { statementsOff: off.includes(index) ? off.filter((i) => i !== index) : [...off, index] });
  }

  /** New text replaces the document; statement switches refer to the old one, so they reset. */
  setText(policyId: string, text: string): void {
    this.#update(policyId, { text, statementsOff: [] });
  }

  reset(): void {
    this.edits = {};
    this.results = [];
  }

  /** Sends the plan's operations one by one as the current identity; stops at the first failure. */
  async apply(lab: LabState): Promise<void> {
    if (!this.plan || this.applying) return;
    this.applying = true;
    const results: ApplyOutcome[] = [];
    try {
      for (const request of this.plan.requests) {
        const record = await lab.send({ operation: request.operation, params: request.params });
        const response = record.response;
        results.push({ operation: request.operation, ok: response.ok, message: response.ok ? '' : `${response.code}: ${response.message}` });
        if (!response.ok) break;
      }
    } finally {
      this.results = results;
      this.applying = false;
    }
  }
}

// Runs one console action through `lab.send` as the current identity and keeps its outcome for the form:
// the AWS error to show inline, or the result. Invariant: a form never changes the world by itself.
import type { Json } from '../../domain/policy/types';
import type { ApiError, RequestRecord } from '../../domain/pipeline/types';
import type { LabRequest, LabState } from '../state/lab.svelte';

export class ActionRunner {
  error = $state.raw<ApiError | null>(null);
  pending = $state(false);
  /** The record of the last request this form sent (the stage shows it too). */
  last = $state.raw<RequestRecord | null>(null);

  constructor(private readonly lab: LabState) {}

  /** Sends the request; returns the response result when it succeeded, undefined otherwise. */
  async run(request: LabRequest): Promise<Json | undefined> {
    this.pending = true;
    try {
      const record = await this.lab.send(request);
      this.last = record;
      if (record.response.ok) {
        this.error = null;
        return record.response.result;
      }
      const { code, message, httpStatus } = record.response;
      this.error = { code, message, httpStatus };
      return undefined;
    } catch (e) {
      this.error = { code: 'InternalFailure', message: e instanceof Error ? e.message : String(e), httpStatus: 500 };
      return undefined;
    } finally {
      this.pending = false;
    }
  }

  clear(): void {
    this.error = null;
  }
}

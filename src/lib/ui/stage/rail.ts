// Where the request token stands on the rail Authenticate — Authorize — Process, and how each stop looks,
// from the machine's phase and the record's outcome. Pure, so the rail's logic is testable without a DOM.
import type { RequestRecord } from '../../domain/pipeline/types';
import type { Outcome } from '../../machines/frames';
import type { StagePhase } from './stagePlayer.svelte';

export type StopState = 'pending' | 'current' | 'passed' | 'stopped' | 'skipped';
export type StopName = 'authenticate' | 'authorize' | 'process';

export interface RailView {
  readonly stops: readonly { readonly name: StopName; readonly state: StopState }[];
  /** Token position: 0, 1, 2 on a stop; -0.5 before the first; 2.5 past the last (delivered). */
  readonly position: number;
}

const names: readonly StopName[] = ['authenticate', 'authorize', 'process'];

function view(states: readonly StopState[], position: number): RailView {
  return { stops: names.map((name, i) => ({ name, state: states[i]! })), position };
}

export function railOf(phase: StagePhase, outcome: Outcome | null, record: RequestRecord | null): RailView {
  switch (phase) {
    case 'idle':
      return view(['pending', 'pending', 'pending'], -0.5);
    case 'authenticating':
      return view(['current', 'pending', 'pending'], 0);
    case 'authorizing':
      return view(['passed', 'current', 'pending'], 1);
    case 'processing':
      return view(['passed', 'passed', 'current'], 2);
    case 'done':
      switch (outcome) {
        case 'unauthenticated':
          return view(['stopped', 'skipped', 'skipped'], 0);
        case 'explicitDeny':
        case 'implicitDeny':
          return view(['passed', 'stopped', 'skipped'], 1);
        case 'failed':
          // Refused as written (no authorization ran), refused by the service, or a malformed policy.
          if (record?.processing) return view(['passed', record.authorization ? 'passed' : 'skipped', 'stopped'], 2);
          return view(['passed', 'stopped', 'skipped'], 1);
        default:
          return view(['passed', 'passed', 'passed'], 2.5);
      }
  }
}

// A request record for "what would happen if this principal tried it", built from simulateAuthorization
// (the pipeline's own gathering and evaluation, with the trace), so the stage can play a graph overlay's
// decision like any sent request. Invariant: nothing is sent; the lab's world and history do not change.
import { principalFor, simulateAuthorization } from '../../domain/pipeline/simulate';
import type { IdentityRef } from '../../domain/pipeline/simulate';
import type { RequestRecord } from '../../domain/pipeline/types';
import type { World } from '../../domain/world/types';

export function simulatedRecord(world: World, ref: IdentityRef, action: string, resource: string, id: string): RequestRecord | undefined {
  const principal = principalFor(world, ref);
  const check = simulateAuthorization(world, ref, action, resource);
  if (!principal || !check) return undefined;
  const result = check.result;
  const decision = result.kind === 'decision' ? result.decision : 'implicitDeny';
  return {
    id,
    at: world.clock,
    request: { operation: action, params: {}, credentials: { kind: 'anonymous' } },
    authentication: { ok: true, steps: [], principal },
    authorization: { decision, checks: [check] },
    response:
      decision === 'allowed'
        ? { ok: true, result: null }
        : { ok: false, code: result.kind === 'malformed' ? 'MalformedPolicyDocument' : 'AccessDenied', message: result.message ?? '', httpStatus: 403 },
  };
}

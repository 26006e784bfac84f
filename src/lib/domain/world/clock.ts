// The simulated clock: the learner advances it; expiry, aws:CurrentTime and MFA age read it.
// Invariant: the clock is an ISO 8601 UTC string with second precision ("2026-01-15T09:00:00Z").
import type { World } from './types';

export function toIso(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function epochSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}

export function addSeconds(iso: string, seconds: number): string {
  return toIso(Date.parse(iso) + seconds * 1000);
}

/** Returns a new world whose clock is `seconds` later (never earlier). */
export function advanceClock(world: World, seconds: number): World {
  return { ...world, clock: addSeconds(world.clock, Math.max(0, seconds)) };
}

export function isAfterOrAt(a: string, b: string): boolean {
  return Date.parse(a) >= Date.parse(b);
}

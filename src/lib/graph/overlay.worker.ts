// Web Worker entry: builds graphs and computes effective-access overlays for many principals off the main
// thread, so a lab with a thousand principals never freezes the UI. All logic is in runOverlayJob.
import { runOverlayJob } from './overlayJob';
import type { OverlayRequest } from './overlayJob';

interface WorkerScope {
  onmessage: ((event: { data: OverlayRequest }) => void) | null;
  postMessage(message: unknown): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => scope.postMessage(runOverlayJob(event.data, () => performance.now()));

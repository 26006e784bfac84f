// Web Worker entry: the force layout ticks here, off the main thread, so a thousand-node graph leaves the
// main thread free to paint (issue 6). All logic is in createLayoutRunner.
import { createLayoutRunner } from './layoutRunner';
import type { LayoutCommand, LayoutEvent } from './layoutRunner';

interface WorkerScope {
  onmessage: ((event: { data: LayoutCommand }) => void) | null;
  postMessage(message: LayoutEvent, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const run = createLayoutRunner((event, transfer) => scope.postMessage(event, transfer));
scope.onmessage = (event) => run(event.data);

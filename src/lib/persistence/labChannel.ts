// Tab-to-tab news about labs over BroadcastChannel, so two tabs on the same lab stay consistent.
// Invariant: messages carry ids only (never lab data); the receiver reloads from storage, the one truth.

export type LabChannelMessage =
  /** A lab's world/history/undo was written. */
  | { readonly kind: 'lab.saved'; readonly labId: string; readonly from: string }
  /** Labs were created, renamed, duplicated or deleted. */
  | { readonly kind: 'labs.changed'; readonly from: string };

export interface LabChannel {
  post(message: LabChannelMessage): void;
  listen(listener: (message: LabChannelMessage) => void): () => void;
  close(): void;
}

/** The browser's BroadcastChannel, or null where it does not exist (then tabs simply do not sync). */
export function broadcastLabChannel(name = 'iam-lab'): LabChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      const handler = (event: MessageEvent) => {
        const data: unknown = event.data;
        if (typeof data === 'object' && data !== null && 'kind' in data && 'from' in data) listener(data as LabChannelMessage);
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    close: () => channel.close(),
  };
}

// Service-worker registration and the state behind the "update available" prompt, for the app shell.
// Invariant: a new version never takes over by itself (registerType 'prompt'); only applyUpdate(),
// the user's yes, activates the waiting worker, after which the page reloads into the new version.
/// <reference types="vite-plugin-pwa/vanillajs" />
import type { RegisterSWOptions } from 'virtual:pwa-register';

export type PwaStatus =
  | { readonly kind: 'unsupported' }
  | { readonly kind: 'registering' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'offlineReady' }
  | { readonly kind: 'updateAvailable' }
  | { readonly kind: 'updating' }
  | { readonly kind: 'failed'; readonly message: string };

/** The shape of vite-plugin-pwa's `registerSW`; tests pass a fake. */
export type RegisterServiceWorker = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

export interface PwaController {
  status(): PwaStatus;
  /** Calls the listener now and on every change; returns the unsubscribe function. */
  subscribe(listener: (status: PwaStatus) => void): () => void;
  /** The user accepted the update: activate the waiting worker (the page then reloads). */
  applyUpdate(): Promise<void>;
  /**
   * Hide the prompt or the offline-ready note. A dismissed update keeps waiting: the browser activates
   * it once every tab of the app is closed, and the prompt comes back on the next visit until then.
   */
  dismiss(): void;
  /** Ask the browser to look for a new version now (e.g. when a long lesson resumes). */
  checkForUpdate(): Promise<void>;
}

export interface PwaControllerOptions {
  /** False where `navigator.serviceWorker` is missing (old browsers, insecure origins, some private modes). */
  readonly supported: boolean;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createPwaController(register: RegisterServiceWorker, options: PwaControllerOptions): PwaController {
  const listeners = new Set<(status: PwaStatus) => void>();
  let current: PwaStatus = options.supported ? { kind: 'registering' } : { kind: 'unsupported' };
  let registration: ServiceWorkerRegistration | undefined;

  const set = (next: PwaStatus): void => {
    current = next;
    for (const listener of listeners) listener(current);
  };

  const activateWaiting = options.supported
    ? register({
        onNeedRefresh: () => set({ kind: 'updateAvailable' }),
        // An update found during registration outranks "offline ready": the prompt must stay visible.
        onOfflineReady: () => {
          if (current.kind !== 'updateAvailable') set({ kind: 'offlineReady' });
        },
        onRegisteredSW: (_url, reg) => {
          registration = reg;
          if (current.kind === 'registering') set({ kind: 'ready' });
        },
        onRegisterError: (error: unknown) => set({ kind: 'failed', message: describe(error) }),
      })
    : undefined;

  return {
    status: () => current,
    subscribe(listener) {
      listeners.add(listener);
      listener(current);
      return () => listeners.delete(listener);
    },
    async applyUpdate() {
      if (current.kind !== 'updateAvailable' || !activateWaiting) return;
      set({ kind: 'updating' });
      try {
        await activateWaiting(true);
      } catch (error) {
        set({ kind: 'failed', message: describe(error) });
      }
    },
    dismiss() {
      if (current.kind === 'updateAvailable' || current.kind === 'offlineReady') set({ kind: 'ready' });
    },
    async checkForUpdate() {
      if (!registration || current.kind === 'updating') return;
      try {
        await registration.update();
      } catch (error) {
        // Offline is the normal case in a classroom: keep the running version and say nothing.
        if (typeof navigator !== 'undefined' && navigator.onLine) set({ kind: 'failed', message: describe(error) });
      }
    },
  };
}

/**
 * Registers the service worker for the running app. Call once from the app shell; importing the
 * plugin's virtual module here also stops the build from injecting its own registerSW.js script.
 */
export async function startPwa(): Promise<PwaController> {
  const supported = typeof navigator !== 'undefined' && 'serviceWorker' in navigator;
  if (!supported) return createPwaController(() => async () => undefined, { supported });
  const { registerSW } = await import('virtual:pwa-register');
  return createPwaController(registerSW, { supported });
}

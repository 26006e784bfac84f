// The update prompt's state machine in src/app/pwa.ts, driven through a fake registerSW.
// The real worker lifecycle (a new version waits, SKIP_WAITING activates it) is covered in tests/e2e/update.spec.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'virtual:pwa-register';
import { createPwaController } from '../../src/app/pwa';
import type { PwaStatus } from '../../src/app/pwa';

function fakeRegister(activate: (reload?: boolean) => Promise<void> = async () => undefined) {
  const calls: RegisterSWOptions[] = [];
  const register = (options: RegisterSWOptions) => {
    calls.push(options);
    return activate;
  };
  const hooks = (): RegisterSWOptions => {
    const options = calls[0];
    if (!options) throw new Error('registerSW was not called');
    return options;
  };
  return { register, calls, hooks };
}

function fakeRegistration(update: () => Promise<void>): ServiceWorkerRegistration {
  return { update } as unknown as ServiceWorkerRegistration;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createPwaController', () => {
  it('does not register at all where service workers are unsupported', async () => {
    const fake = fakeRegister();
    const pwa = createPwaController(fake.register, { supported: false });
    expect(fake.calls).toHaveLength(0);
    expect(pwa.status()).toEqual({ kind: 'unsupported' });
    await pwa.applyUpdate();
    expect(pwa.status()).toEqual({ kind: 'unsupported' });
  });

  type HookEvent = 'registered' | 'offlineReady' | 'needRefresh' | 'error';
  it.each<[string, HookEvent[], PwaStatus['kind']]>([
    ['registration alone', ['registered'], 'ready'],
    ['first install finishing', ['registered', 'offlineReady'], 'offlineReady'],
    ['offline ready reported before registration resolves', ['offlineReady', 'registered'], 'offlineReady'],
    ['a new version waiting', ['registered', 'needRefresh'], 'updateAvailable'],
    ['a waiting version found before registration resolves', ['needRefresh', 'registered'], 'updateAvailable'],
    ['offline ready after an update was found keeps the prompt', ['needRefresh', 'offlineReady'], 'updateAvailable'],
    ['a registration error', ['error'], 'failed'],
  ])('%s ends in %s', (_name, events, expected) => {
    const fake = fakeRegister();
    const pwa = createPwaController(fake.register, { supported: true });
    expect(pwa.status().kind).toBe('registering');
    const hooks = fake.hooks();
    for (const event of events) {
      if (event === 'registered') hooks.onRegisteredSW?.('sw.js', fakeRegistration(async () => undefined));
      if (event === 'offlineReady') hooks.onOfflineReady?.();
      if (event === 'needRefresh') hooks.onNeedRefresh?.();
      if (event === 'error') hooks.onRegisterError?.(new Error('blocked'));
    }
    expect(pwa.status().kind).toBe(expected);
  });

  it('activates the waiting worker only when the user accepts the update', async () => {
    const activate = vi.fn(async (_reload?: boolean) => undefined);
    const fake = fakeRegister(activate);
    const pwa = createPwaController(fake.register, { supported: true });
    await pwa.applyUpdate();
    expect(activate).not.toHaveBeenCalled();

    fake.hooks().onNeedRefresh?.();
    expect(activate).not.toHaveBeenCalled();
    await pwa.applyUpdate();
    expect(activate).toHaveBeenCalledTimes(1);
    expect(activate).toHaveBeenCalledWith(true);
    expect(pwa.status()).toEqual({ kind: 'updating' });
  });

  it('reports a failed activation instead of staying in "updating"', async () => {
    const fake = fakeRegister(async () => {
      throw new Error('worker gone');
    });
    const pwa = createPwaController(fake.register, { supported: true });
    fake.hooks().onNeedRefresh?.();
    await pwa.applyUpdate();
    expect(pwa.status()).toEqual({ kind: 'failed', message: 'worker gone' });
  });

  it('dismiss hides the prompt without activating, and a later update shows it again', async () => {
    const activate = vi.fn(async () => undefined);
    const fake = fakeRegister(activate);
    const pwa = createPwaController(fake.register, { supported: true });
    fake.hooks().onNeedRefresh?.();
    pwa.dismiss();
    expect(pwa.status()).toEqual({ kind: 'ready' });
    await pwa.applyUpdate();
    expect(activate).not.toHaveBeenCalled();
    fake.hooks().onNeedRefresh?.();
    expect(pwa.status()).toEqual({ kind: 'updateAvailable' });
  });

  it('notifies subscribers immediately and on every change until they unsubscribe', () => {
    const fake = fakeRegister();
    const pwa = createPwaController(fake.register, { supported: true });
    const seen: string[] = [];
    const unsubscribe = pwa.subscribe((status) => seen.push(status.kind));
    fake.hooks().onNeedRefresh?.();
    pwa.dismiss();
    unsubscribe();
    fake.hooks().onNeedRefresh?.();
    expect(seen).toEqual(['registering', 'updateAvailable', 'ready']);
  });

  it('checkForUpdate asks the registration, and stays quiet when offline', async () => {
    const update = vi.fn(async () => {
      throw new Error('network');
    });
    const fake = fakeRegister();
    const pwa = createPwaController(fake.register, { supported: true });
    await pwa.checkForUpdate();
    expect(update).not.toHaveBeenCalled();
    fake.hooks().onRegisteredSW?.('sw.js', fakeRegistration(update));

    vi.stubGlobal('navigator', { onLine: false });
    await pwa.checkForUpdate();
    expect(update).toHaveBeenCalledTimes(1);
    expect(pwa.status()).toEqual({ kind: 'ready' });

    vi.stubGlobal('navigator', { onLine: true });
    await pwa.checkForUpdate();
    expect(pwa.status()).toEqual({ kind: 'failed', message: 'network' });
  });
});

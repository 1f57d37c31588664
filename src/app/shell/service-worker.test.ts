import { describe, expect, it, vi } from 'vitest';
import { createOfflineStore, type RegisterServiceWorker } from './service-worker';

type Hooks = Parameters<RegisterServiceWorker>[0];

function fakeRegistration() {
  const calls: Hooks[] = [];
  const update = vi.fn((_reload?: boolean) => Promise.resolve());
  const register: RegisterServiceWorker = (hooks) => {
    calls.push(hooks);
    return update;
  };
  return { calls, update, register };
}

describe('offline store', () => {
  it('registers once and reports a cached build, then a waiting one', () => {
    const store = createOfflineStore();
    const { calls, register } = fakeRegistration();
    const seen: string[] = [];
    store.subscribe(() => seen.push(JSON.stringify(store.get())));
    store.start(register);
    store.start(register);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.immediate).toBe(true);
    calls[0]?.onOfflineReady();
    expect(store.get()).toEqual({ offlineReady: true, updateWaiting: false });
    calls[0]?.onNeedRefresh();
    expect(store.get()).toEqual({ offlineReady: false, updateWaiting: true });
    expect(seen).toHaveLength(2);
  });

  it('"Reload" activates the waiting build with a page reload; "Later" only hides the notice', async () => {
    const store = createOfflineStore();
    const { calls, update, register } = fakeRegistration();
    store.start(register);
    calls[0]?.onNeedRefresh();
    store.dismissUpdate();
    expect(store.get().updateWaiting).toBe(false);
    expect(update).not.toHaveBeenCalled();
    calls[0]?.onNeedRefresh();
    await store.applyUpdate();
    expect(update).toHaveBeenCalledWith(true);
    expect(store.get().updateWaiting).toBe(false);
  });

  it('a browser that refuses the worker leaves the app online-only, quietly', async () => {
    const store = createOfflineStore();
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    store.start(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(store.get()).toEqual({ offlineReady: false, updateWaiting: false });
    expect(info).toHaveBeenCalledOnce();
    await expect(store.applyUpdate()).resolves.toBeUndefined();
    info.mockRestore();
  });
});

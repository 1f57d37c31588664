import { describe, expect, it, vi } from 'vitest';
import { openPresentLink } from './present-link';
import { channelName, parsePresentMessage, windowId, type PresentMessage } from './sync-protocol';
import { head, status } from './sync-protocol.fixtures';

describe('parsePresentMessage', () => {
  it('accepts each message of the protocol, exactly', () => {
    const good: PresentMessage[] = [
      { ...head, type: 'hello' },
      { ...head, type: 'bye' },
      { ...head, type: 'state', state: { slide: 3, blank: true, revealed: false } },
      { ...head, type: 'command', command: { kind: 'togglePlay' } },
      { ...head, type: 'command', command: { kind: 'backToScript' } },
      { ...head, type: 'command', command: { kind: 'fault', index: 8 } },
      { ...head, role: 'audience', type: 'status', status },
    ];
    for (const m of good) expect(parsePresentMessage(structuredClone(m), 6)).toEqual(m);
  });

  it('drops hostile and malformed data without throwing', () => {
    const hostile: unknown[] = [
      null,
      undefined,
      42,
      'hello',
      [],
      [head],
      new Date(),
      Object.create({ v: 1, type: 'hello', from: 'abcd1234', role: 'presenter' }),
      { ...head },
      { ...head, type: 'hello', extra: 1 },
      { ...head, type: 'hello', v: 2 },
      { ...head, type: 'HELLO' },
      { ...head, type: 'toString' },
      { ...head, type: '__proto__' },
      { ...head, type: 'hello', from: 'x' },
      { ...head, type: 'hello', from: 'a'.repeat(33) },
      { ...head, type: 'hello', from: '<img src=x>' },
      { ...head, type: 'hello', role: 'admin' },
      { ...head, type: 'state', state: { slide: 6, blank: false, revealed: false } },
      { ...head, type: 'state', state: { slide: -1, blank: false, revealed: false } },
      { ...head, type: 'state', state: { slide: 1.5, blank: false, revealed: false } },
      { ...head, type: 'state', state: { slide: '1', blank: false, revealed: false } },
      { ...head, type: 'state', state: { slide: 1, blank: 'yes', revealed: false } },
      { ...head, type: 'state', state: { slide: 1, blank: false } },
      { ...head, type: 'state', state: { slide: 1, blank: false, revealed: false, x: 1 } },
      { ...head, type: 'state', state: null },
      { ...head, type: 'command', command: { kind: 'fault', index: 9 } },
      { ...head, type: 'command', command: { kind: 'fault', index: -1 } },
      { ...head, type: 'command', command: { kind: 'fault' } },
      { ...head, type: 'command', command: { kind: 'eval', code: 'alert(1)' } },
      { ...head, type: 'command', command: { kind: 'togglePlay', extra: true } },
      { ...head, type: 'status', status },
      { ...head, role: 'audience', type: 'status', status: { ...status, nowUs: -1 } },
      { ...head, role: 'audience', type: 'status', status: { ...status, nowUs: 1e20 } },
      {
        ...head,
        role: 'audience',
        type: 'status',
        status: { ...status, traceHash: 'x'.repeat(65) },
      },
      {
        ...head,
        role: 'audience',
        type: 'status',
        status: { ...status, problem: 'p'.repeat(401) },
      },
      { ...head, role: 'audience', type: 'status', status: { ...status, slide: 99 } },
    ];
    for (const h of hostile) expect(parsePresentMessage(h, 6), JSON.stringify(h)).toBeNull();
  });

  it('does not read a getter-bearing or prototype-polluting object', () => {
    const evil = JSON.parse(
      '{"v":1,"type":"hello","from":"abcd1234","role":"presenter","__proto__":{"x":1}}',
    );
    expect(parsePresentMessage(evil, 6)).toBeNull();
  });
});

describe('ids and channel names', () => {
  it('gives each lecture its own channel', () => {
    expect(channelName('db-cache')).not.toBe(channelName('session-store'));
  });

  it('makes window ids the protocol accepts', () => {
    for (const r of [0, 0.5, 0.999999]) {
      const id = windowId(() => r);
      expect(parsePresentMessage({ ...head, from: id, type: 'hello' }, 1)).not.toBeNull();
    }
  });
});

describe('openPresentLink', () => {
  it('works alone where the browser has no BroadcastChannel', () => {
    const link = openPresentLink({
      scenario: 'db-cache',
      slideCount: 3,
      role: 'audience',
      id: 'abcd1234',
      onMessage: () => {
        throw new Error('no channel, no message');
      },
      Channel: undefined,
    });
    expect(link.available).toBe(false);
    expect(() => link.post({ type: 'hello' })).not.toThrow();
    link.close();
  });

  it('works alone where opening the channel throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    class Refusing {
      constructor() {
        throw new DOMException('denied', 'SecurityError');
      }
    }
    const link = openPresentLink({
      scenario: 'db-cache',
      slideCount: 3,
      role: 'audience',
      id: 'abcd1234',
      onMessage: () => {},
      Channel: Refusing as unknown as typeof BroadcastChannel,
    });
    expect(link.available).toBe(false);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('delivers valid messages between two windows and counts the rest', async () => {
    const got: PresentMessage[] = [];
    const audience = openPresentLink({
      scenario: 'db-cache',
      slideCount: 3,
      role: 'audience',
      id: 'aaaa1111',
      onMessage: (m) => got.push(m),
    });
    const presenter = openPresentLink({
      scenario: 'db-cache',
      slideCount: 3,
      role: 'presenter',
      id: 'bbbb2222',
      onMessage: () => {},
    });
    const stranger = new BroadcastChannel(channelName('db-cache'));
    stranger.postMessage({ type: 'state', state: { slide: 99 } });
    stranger.postMessage('junk');
    presenter.post({ type: 'state', state: { slide: 2, blank: false, revealed: true } });
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toEqual([
      {
        v: 1,
        from: 'bbbb2222',
        role: 'presenter',
        type: 'state',
        state: { slide: 2, blank: false, revealed: true },
      },
    ]);
    expect(audience.rejected).toBe(2);
    stranger.close();
    audience.close();
    presenter.close();
  });
});

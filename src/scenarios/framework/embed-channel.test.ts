import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SimSession } from '../../ui';
import type { EmbedEvent } from './embed-api';
import {
  embedMessageListener,
  embedState,
  noLesson,
  runEmbedCommand,
  type EmbedChannel,
} from './embed-channel';

/**
 * The channel both embeddable pages share, in node: `window` is a stand-in whose parent records
 * what the frame posts; the session records what it was asked to do. (e2e/embed*.spec.ts run
 * the same code in a cross-origin frame in Chromium.)
 */
const HOST = 'https://lms.example.edu';

function recordingSession() {
  const calls: string[] = [];
  const session = {
    client: { log: [] },
    play: async () => void calls.push('play'),
    pause: async () => void calls.push('pause'),
    step: async () => void calls.push('step'),
    setSpeed: async (s: number) => void calls.push(`speed ${s}`),
    act: async (a: { type: string }) => {
      calls.push(`act ${a.type}`);
      return a.type === 'ttl.set' ? null : 'That is not an action here.';
    },
  };
  return { calls, session: session as unknown as SimSession };
}

function channel(over: Partial<EmbedChannel> = {}) {
  const { calls, session } = recordingSession();
  const ch: EmbedChannel = {
    allowed: [HOST],
    scenario: 'db-cache',
    session,
    reset: () => calls.push('reset'),
    goto: (step) => calls.push(`goto ${step}`),
    lesson: () => ({ ...noLesson(), step: 2, steps: 5 }),
    rejected: { current: 0 },
    ...over,
  };
  return { ch, calls };
}

let posted: { msg: EmbedEvent; origin: string }[];
const parent = { postMessage: (msg: EmbedEvent, origin: string) => posted.push({ msg, origin }) };
const settle = () => new Promise((r) => setTimeout(r, 0));
const from = (data: unknown, origin = HOST, source: unknown = parent) =>
  ({ data, origin, source }) as unknown as MessageEvent;

beforeEach(() => {
  posted = [];
  vi.stubGlobal('window', { parent });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('runEmbedCommand', () => {
  it('runs each command on the page: the session, its reset, its goto', async () => {
    const { ch, calls } = channel();
    const errors = [
      await runEmbedCommand(ch, { type: 'getState' }),
      await runEmbedCommand(ch, { type: 'play' }),
      await runEmbedCommand(ch, { type: 'pause' }),
      await runEmbedCommand(ch, { type: 'step' }),
      await runEmbedCommand(ch, { type: 'reset' }),
      await runEmbedCommand(ch, { type: 'goto', step: 3 }),
      await runEmbedCommand(ch, { type: 'setSpeed', speed: 2 }),
      await runEmbedCommand(ch, { type: 'act', action: { type: 'ttl.set' } }),
      await runEmbedCommand(ch, { type: 'act', action: { type: 'no.such' } }),
    ];
    expect(calls).toEqual([
      'play',
      'pause',
      'step',
      'reset',
      'goto 3',
      'speed 2',
      'act ttl.set',
      'act no.such',
    ]);
    expect(errors.slice(0, -1).every((e) => e === null)).toBe(true);
    expect(errors.at(-1)).toBe('That is not an action here.');
  });

  it('refuses goto on a page without steps', async () => {
    const { ch, calls } = channel({ goto: null, lesson: noLesson });
    expect(await runEmbedCommand(ch, { type: 'goto', step: 1 })).toBe('This page has no steps.');
    expect(calls).toEqual([]);
  });
});

describe('embedMessageListener', () => {
  it('runs an accepted command and answers the asking origin', async () => {
    const { ch, calls } = channel();
    embedMessageListener(ch)(from({ type: 'ecsim.v1.goto', step: 5, id: 'q1' }));
    await settle();
    expect(calls).toEqual(['goto 5']);
    expect(posted).toEqual([
      {
        msg: { type: 'ecsim.v1.result', id: 'q1', command: 'goto', ok: true },
        origin: HOST,
      },
    ]);
  });

  it('answers getState with the state, the page’s part and the simulation’s', async () => {
    const { ch } = channel();
    embedMessageListener(ch)(from({ type: 'ecsim.v1.getState' }));
    await settle();
    expect(posted).toHaveLength(1);
    expect(posted[0]!.msg).toEqual({ type: 'ecsim.v1.state', ...embedState(ch) });
    expect(posted[0]!.msg).toMatchObject({ scenario: 'db-cache', step: 2, steps: 5 });
  });

  it('judges goto against the page’s steps', async () => {
    const { ch, calls } = channel({ goto: null, lesson: noLesson });
    embedMessageListener(ch)(from({ type: 'ecsim.v1.goto', step: 1 }));
    await settle();
    expect(calls).toEqual([]);
    expect(posted[0]!.msg).toMatchObject({
      type: 'ecsim.v1.rejected',
      reason: expect.stringContaining('does not apply here'),
      rejected: 1,
    });
  });

  it('counts and answers each refusal, runs nothing, and reports the count', async () => {
    const { ch, calls } = channel();
    const listen = embedMessageListener(ch);
    listen(from({ type: 'ecsim.v1.step' }, 'https://evil.example'));
    listen(from(JSON.parse('{"type":"ecsim.v1.step","__proto__":{"x":1}}')));
    listen(from({ type: 'ecsim.v2.step', id: 'z' }));
    await settle();
    expect(calls).toEqual([]);
    expect(ch.rejected.current).toBe(3);
    expect(posted.map((p) => [p.msg.type, p.origin])).toEqual([
      ['ecsim.v1.rejected', 'https://evil.example'],
      ['ecsim.v1.rejected', HOST],
      ['ecsim.v1.rejected', HOST],
    ]);
    expect(posted[2]!.msg).toMatchObject({ id: 'z', rejected: 3 });
    expect(embedState(ch).rejected).toBe(3);
  });

  it('hears only the embedding page, and leaves H5P’s resizer messages alone', async () => {
    const { ch, calls } = channel();
    const listen = embedMessageListener(ch);
    listen(from({ type: 'ecsim.v1.step' }, HOST, { postMessage: () => {} }));
    listen(from({ context: 'h5p', action: 'hello' }));
    await settle();
    expect(calls).toEqual([]);
    expect(posted).toEqual([]);
    expect(ch.rejected.current).toBe(0);
  });

  it('lets a page without parentOrigin watch but not act', async () => {
    const { ch, calls } = channel({ allowed: [] });
    const listen = embedMessageListener(ch);
    listen(from({ type: 'ecsim.v1.play' }, 'https://anyone.example'));
    listen(from({ type: 'ecsim.v1.step' }, 'https://anyone.example'));
    await settle();
    expect(calls).toEqual(['play']);
    expect(posted.map((p) => p.msg.type)).toEqual(['ecsim.v1.rejected', 'ecsim.v1.result']);
  });
});

import { describe, expect, it } from 'vitest';
import { judgePresentMessage, parsePresentMessage } from './sync-protocol';
import { head, status } from './sync-protocol.fixtures';

/** Hostile data beyond sync-protocol.test.ts: each is refused, with a reason that says why. */
const state = { slide: 1, blank: false, revealed: false };
const audience = { ...head, role: 'audience', type: 'status' } as const;
const huge = 'x'.repeat(1_000_000);

const label = (data: unknown): string => {
  try {
    return String(JSON.stringify(data)).slice(0, 200);
  } catch {
    return 'unreadable data';
  }
};

const reasonOf = (data: unknown, slides = 6): string => {
  const judged = judgePresentMessage(data, slides);
  expect(judged.ok, label(data)).toBe(false);
  return judged.ok ? '' : judged.reason;
};

describe('judgePresentMessage', () => {
  it('refuses a __proto__ key at any depth (as JSON.parse makes it: an own key)', () => {
    const json = [
      '{"v":1,"type":"hello","from":"abcd1234","role":"presenter","__proto__":{"v":1}}',
      '{"v":1,"type":"state","from":"abcd1234","role":"presenter","state":{"slide":1,"blank":false,"revealed":false,"__proto__":{"x":1}}}',
      '{"v":1,"type":"command","from":"abcd1234","role":"presenter","command":{"kind":"togglePlay","__proto__":{}}}',
      '{"v":1,"type":"state","from":"abcd1234","role":"presenter","state":{"__proto__":{"slide":1,"blank":false,"revealed":false}}}',
    ];
    for (const j of json) expect(parsePresentMessage(JSON.parse(j), 6), j).toBeNull();
    expect(reasonOf(JSON.parse(json[0]!))).toBe('hello: the message has no field "__proto__"');
    expect(reasonOf(JSON.parse(json[1]!))).toBe('state: state has no field "__proto__"');
    // The polluting key reached nothing.
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses other versions, with the version in the reason', () => {
    for (const version of [0, 2, '1', 1.0000001, null, undefined, [1], { v: 1 }])
      expect(reasonOf({ ...head, type: 'hello', v: version })).toBe(
        'the message is not version 1 of the present protocol',
      );
    const { v: _v, ...unversioned } = { ...head, type: 'hello' };
    expect(reasonOf(unversioned)).toContain('not version 1');
  });

  it('refuses huge strings in every string field without echoing them', () => {
    const cases = [
      { ...head, type: huge },
      { ...head, type: 'hello', from: huge },
      { ...head, type: 'hello', role: huge },
      { ...audience, status: { ...status, traceHash: huge } },
      { ...audience, status: { ...status, problem: huge } },
      { ...head, type: 'command', command: { kind: huge } },
    ];
    for (const c of cases) expect(reasonOf(c).length).toBeLessThan(120);
    expect(reasonOf(cases[1])).toBe('hello: from must be 4–32 lower-case letters or digits');
    expect(reasonOf(cases[4])).toBe('status: problem must be null or at most 400 characters');
    // The longest allowed problem still passes.
    const ok = { ...audience, status: { ...status, problem: 'p'.repeat(400) } };
    expect(parsePresentMessage(ok, 6)).toEqual(ok);
  });

  it('refuses extra keys, named, at each level', () => {
    expect(reasonOf({ ...head, type: 'bye', role: 'presenter', note: 'hi' })).toBe(
      'bye: the message has no field "note"',
    );
    expect(reasonOf({ ...head, type: 'state', state: { ...state, constructor: 1 } })).toBe(
      'state: state has no field "constructor"',
    );
    expect(reasonOf({ ...audience, status: { ...status, prototype: null } })).toBe(
      'status: status has no field "prototype"',
    );
    expect(
      reasonOf({ ...head, type: 'command', command: { kind: 'fault', index: 1, then: 2 } }),
    ).toBe('command: command has no field "then"');
    expect(reasonOf({ ...head, type: 'state', state: { slide: 1, blank: false } })).toBe(
      'state: state needs "revealed"',
    );
  });

  it('refuses NaN, Infinity and non-numbers wherever a number goes', () => {
    for (const n of [NaN, Infinity, -Infinity, 1e308, -0.5, '1', null, true, 2n]) {
      expect(
        parsePresentMessage({ ...head, type: 'state', state: { ...state, slide: n } }, 6),
      ).toBeNull();
      expect(
        parsePresentMessage({ ...head, type: 'command', command: { kind: 'fault', index: n } }, 6),
      ).toBeNull();
      expect(parsePresentMessage({ ...audience, status: { ...status, nowUs: n } }, 6)).toBeNull();
    }
    expect(reasonOf({ ...head, type: 'state', state: { ...state, slide: NaN } })).toBe(
      'state: slide must be a whole number from 0 to 5',
    );
    expect(reasonOf({ ...audience, status: { ...status, nowUs: Infinity } })).toBe(
      'status: nowUs must be a whole number from 0 to 10000000000000',
    );
    // -0 is a whole number ≥ 0: slide 0 (structured clone keeps it; it is harmless).
    expect(
      parsePresentMessage({ ...head, type: 'state', state: { ...state, slide: -0 } }, 6),
    ).not.toBeNull();
  });

  it('refuses arrays where objects go, and objects where values go', () => {
    const cases: unknown[] = [
      [{ ...head, type: 'hello' }],
      { ...head, type: 'state', state: [1, false, false] },
      { ...head, type: 'command', command: ['togglePlay'] },
      { ...audience, status: Object.values(status) },
      { ...head, type: 'hello', from: ['abcd1234'] },
      { ...head, type: 'hello', role: ['presenter'] },
      { ...head, type: ['hello'] },
      { ...head, type: 'state', state: { ...state, blank: [false] } },
    ];
    for (const c of cases) expect(parsePresentMessage(c, 6), JSON.stringify(c)).toBeNull();
    expect(reasonOf(cases[0])).toBe('the message is not a plain object');
    expect(reasonOf(cases[1])).toBe('state: state is not a plain object');
  });

  it('refuses class instances and inherited fields, at the top and inside', () => {
    class Message {
      v = 1;
      type = 'hello';
      from = 'abcd1234';
      role = 'presenter';
    }
    class State {
      slide = 1;
      blank = false;
      revealed = false;
    }
    const cases: unknown[] = [
      new Message(),
      { ...head, type: 'state', state: new State() },
      { ...head, type: 'state', state: Object.create(state) },
      { ...head, type: 'command', command: Object.create({ kind: 'togglePlay' }) },
      { ...head, type: 'state', state: new Map(Object.entries(state)) },
      { ...audience, status: new Date() },
    ];
    for (const c of cases) expect(parsePresentMessage(c, 6)).toBeNull();
    expect(reasonOf(cases[0])).toBe('the message is not a plain object');
    expect(reasonOf(cases[3])).toBe('command: command is not a plain object');
    // A null-prototype object holds only its own fields: accepted.
    const bare = Object.assign(Object.create(null) as object, { ...head, type: 'bye' });
    expect(parsePresentMessage(bare, 6)).toEqual({ ...head, type: 'bye' });
  });

  it('never throws, even on a getter that does', () => {
    const trap = {
      ...head,
      get type(): string {
        throw new Error('read me and fail');
      },
    };
    expect(reasonOf(trap)).toBe('the message could not be read');
    const proxy = new Proxy(
      {},
      {
        getPrototypeOf: () => {
          throw new Error('no');
        },
      },
    );
    expect(reasonOf(proxy)).toBe('the message could not be read');
  });

  it('judges slides against the lecture, and status only from the audience', () => {
    const s = (slide: number) => ({ ...head, type: 'state', state: { ...state, slide } });
    expect(parsePresentMessage(s(0), 1)).not.toBeNull();
    expect(reasonOf(s(1), 1)).toBe('state: slide must be a whole number from 0 to 0');
    expect(reasonOf(s(0), 0)).toBe('this lecture has no slides');
    expect(reasonOf({ ...audience, role: 'presenter', status })).toBe(
      'status: only the audience window sends status',
    );
    expect(reasonOf({ ...head, type: 'command', command: { kind: 'eval' } })).toBe(
      'command: command needs kind: togglePlay, fault or backToScript',
    );
    expect(reasonOf({ ...head, type: 'hello', role: 'admin' })).toBe(
      'hello: role must be audience or presenter',
    );
    expect(reasonOf({ ...head, type: 'constructor' })).toBe('unknown message type "constructor"');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOrigin, checkPermission, parseEmbedCommand, READ_ONLY } from './embed-api';
import { lessonScore, lessonStatement, scenarioIri } from './embed-xapi';

describe('embed postMessage API v1: parsing', () => {
  it('accepts every command with exactly its fields, and echoes an id', () => {
    expect(parseEmbedCommand({ type: 'ecsim.v1.play' }, 5)).toEqual({
      ok: true,
      command: { type: 'play' },
    });
    expect(parseEmbedCommand({ type: 'ecsim.v1.goto', step: 5, id: 'q-1' }, 5)).toEqual({
      ok: true,
      command: { type: 'goto', step: 5 },
      id: 'q-1',
    });
    expect(parseEmbedCommand({ type: 'ecsim.v1.setSpeed', speed: 0.5 }, 5)).toEqual({
      ok: true,
      command: { type: 'setSpeed', speed: 0.5 },
    });
    expect(
      parseEmbedCommand(
        { type: 'ecsim.v1.act', action: { type: 'ttl.set', params: { seconds: 5 } } },
        5,
      ),
    ).toEqual({
      ok: true,
      command: { type: 'act', action: { type: 'ttl.set', params: { seconds: 5 } } },
    });
    for (const t of ['getState', 'pause', 'step', 'reset'])
      expect(parseEmbedCommand({ type: `ecsim.v1.${t}` }, 5).ok).toBe(true);
  });

  it.each([
    ['a string', 'ecsim.v1.play', /plain object/],
    ['null', null, /plain object/],
    ['an array', [{ type: 'ecsim.v1.play' }], /plain object/],
    ['a class instance', new Date(), /plain object/],
    ['another app’s message', { type: 'webpackHotUpdate' }, /not ecsim\.v1/],
    ['an unversioned command', { type: 'ecsim.play' }, /unversioned/],
    ['an unknown version', { type: 'ecsim.v2.play' }, /version 2 is not supported/],
    ['version 0', { type: 'ecsim.v0.play' }, /version 0/],
    ['an unknown command', { type: 'ecsim.v1.deleteEverything' }, /unknown command/],
    ['a prototype name as command', { type: 'ecsim.v1.__proto__' }, /unknown command/],
    ['toString as command', { type: 'ecsim.v1.toString' }, /unknown command/],
    ['constructor as command', { type: 'ecsim.v1.constructor' }, /unknown command/],
    ['extra fields', { type: 'ecsim.v1.play', evil: true }, /no field "evil"/],
    ['a wrong-typed type', { type: 42 }, /no type/],
    ['goto without a step', { type: 'ecsim.v1.goto' }, /from 1 to 5/],
    ['goto step 0', { type: 'ecsim.v1.goto', step: 0 }, /from 1 to 5/],
    ['goto out of range', { type: 'ecsim.v1.goto', step: 6 }, /from 1 to 5/],
    ['goto a string step', { type: 'ecsim.v1.goto', step: '2' }, /from 1 to 5/],
    ['goto a fraction', { type: 'ecsim.v1.goto', step: 1.5 }, /from 1 to 5/],
    ['a NaN speed', { type: 'ecsim.v1.setSpeed', speed: NaN }, /speed/],
    ['an infinite speed', { type: 'ecsim.v1.setSpeed', speed: Infinity }, /speed/],
    ['a speed as string', { type: 'ecsim.v1.setSpeed', speed: '1' }, /speed/],
    ['an act with no action', { type: 'ecsim.v1.act' }, /not an action/],
    [
      'an act with a bad action type',
      { type: 'ecsim.v1.act', action: { type: '' } },
      /action type/,
    ],
    [
      'an act with a huge string',
      { type: 'ecsim.v1.act', action: { type: 'a.b', params: { x: 'y'.repeat(5_000) } } },
      /wrong type or size/,
    ],
    [
      'an act with a function',
      { type: 'ecsim.v1.act', action: { type: 'a.b', params: { x: () => 1 } } },
      /wrong type or size/,
    ],
    ['a bad id', { type: 'ecsim.v1.play', id: 'x'.repeat(65) }, /id must be/],
    ['an object id', { type: 'ecsim.v1.play', id: {} }, /id must be/],
    ['a huge type', { type: `ecsim.v1.${'x'.repeat(100_000)}` }, /unknown command/],
  ])('rejects %s, with a reason', (_what, data, reason) => {
    const r = parseEmbedCommand(data, 5);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toMatch(reason);
      expect(r.reason.length).toBeLessThan(300);
    }
  });

  it('names the missing field and what it needs, as for a wrong one', () => {
    expect(parseEmbedCommand({ type: 'ecsim.v1.goto', id: 'g' }, 5)).toEqual({
      ok: false,
      reason: 'ecsim.v1.goto needs step: a whole number from 1 to 5',
      id: 'g',
    });
    expect(parseEmbedCommand({ type: 'ecsim.v1.setSpeed' }, 5)).toEqual({
      ok: false,
      reason: 'ecsim.v1.setSpeed needs speed: a number from 0.001 to 60',
    });
    // The step range is the lesson's own.
    expect(parseEmbedCommand({ type: 'ecsim.v1.goto', step: 8 }, 8).ok).toBe(true);
    expect(parseEmbedCommand({ type: 'ecsim.v1.goto', step: 8 }, 3)).toMatchObject({
      reason: /from 1 to 3/,
    });
    // A frame without steps (the sandbox) has nowhere to go.
    expect(parseEmbedCommand({ type: 'ecsim.v1.goto', step: 1 }, 0)).toEqual({
      ok: false,
      reason: 'ecsim.v1.goto does not apply here: this frame has no lesson steps',
    });
  });

  it('refuses parameter names a record would skip, and drops an explicit undefined params', () => {
    for (const name of ['constructor', 'prototype'])
      expect(
        parseEmbedCommand(
          { type: 'ecsim.v1.act', action: { type: 'a.b', params: { [name]: 1 } } },
          5,
        ),
      ).toMatchObject({ ok: false, reason: /invalid name/ });
    expect(
      parseEmbedCommand({ type: 'ecsim.v1.act', action: { type: 'a.b', params: undefined } }, 5),
    ).toEqual({ ok: true, command: { type: 'act', action: { type: 'a.b' } } });
    expect(
      parseEmbedCommand({ type: 'ecsim.v1.act', action: { type: 'a.b', evil: 1 } }, 5),
    ).toMatchObject({ ok: false, reason: /fields an action never has/ });
  });

  it('rejects __proto__ keys (JSON-parsed or literal) without touching any prototype', () => {
    const parsed: unknown = JSON.parse('{"type":"ecsim.v1.play","__proto__":{"polluted":1}}');
    expect(parseEmbedCommand(parsed, 5)).toMatchObject({ ok: false, reason: /__proto__/ });
    const literal = { type: 'ecsim.v1.play', ['__proto__']: { x: 1 } } as unknown;
    expect(parseEmbedCommand(literal, 5).ok).toBe(false);
    const action: unknown = JSON.parse(
      '{"type":"ecsim.v1.act","action":{"type":"a.b","params":{"__proto__":{"polluted":1}}}}',
    );
    expect(parseEmbedCommand(action, 5)).toMatchObject({ ok: false, reason: /invalid name/ });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on arbitrary data', () => {
    fc.assert(
      fc.property(fc.anything(), (data) => {
        const r = parseEmbedCommand(data, 3);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.anything()),
        fc.constantFrom('play', 'goto', 'act', 'setSpeed'),
        (fields, t) => {
          parseEmbedCommand({ ...fields, type: `ecsim.v1.${t}` }, 3);
        },
      ),
    );
  });
});

describe('embed postMessage API v1: who may do what', () => {
  const lms = 'https://lms.example.edu';

  it('accepts any origin, read-only, without parentOrigin', () => {
    expect(checkOrigin('https://evil.example', [])).toBeNull();
    for (const t of READ_ONLY) expect(checkPermission(t, [])).toBeNull();
  });

  it('refuses changes (actions, steps, reset, goto, speed) without parentOrigin', () => {
    for (const t of ['act', 'step', 'reset', 'goto', 'setSpeed'] as const)
      expect(checkPermission(t, [])).toMatch(/needs the frame's parentOrigin/);
  });

  it('accepts only the listed origins when parentOrigin is given, then every command', () => {
    expect(checkOrigin(lms, [lms])).toBeNull();
    expect(checkOrigin('https://evil.example', [lms])).toMatch(/not accepted/);
    expect(checkOrigin('null', [lms])).toMatch(/not accepted/);
    expect(checkOrigin(`${lms}.evil.example`, [lms])).toMatch(/not accepted/);
    expect(checkPermission('act', [lms])).toBeNull();
  });
});

describe('xAPI statements', () => {
  it('names the scenario by a stable IRI, without hash or query', () => {
    expect(scenarioIri('https://sim.example/app/index.html?x=1#/embed/db-cache', 'db-cache')).toBe(
      'https://sim.example/app/scenarios/db-cache',
    );
  });

  it('scores goals met plus quiz answers right, and succeeds only with every goal met', () => {
    const score = lessonScore(7, 8, 2, 4);
    expect(score).toEqual({ raw: 9, max: 12, scaled: 0.75 });
    const s = lessonStatement({ iri: 'https://s/scenarios/x', title: 'X', seed: 1 }, score, false);
    expect(s.verb.id).toBe('http://adlnet.gov/expapi/verbs/completed');
    expect(s.object.id).toBe('https://s/scenarios/x');
    expect(s.result).toEqual({
      success: false,
      completion: true,
      score: { scaled: 0.75, raw: 9, min: 0, max: 12 },
    });
    expect(s).not.toHaveProperty('actor');
  });
});

import { describe, expect, it } from 'vitest';
import { parseEmbedCommand } from './embed-api';

describe('embed postMessage API', () => {
  it('accepts the known commands with well-formed fields', () => {
    expect(parseEmbedCommand({ type: 'ecsim.play' }, 5)).toEqual({
      ok: true,
      command: { type: 'ecsim.play' },
    });
    expect(parseEmbedCommand({ type: 'ecsim.goto', step: 4 }, 5)).toEqual({
      ok: true,
      command: { type: 'ecsim.goto', step: 4 },
    });
    expect(
      parseEmbedCommand(
        { type: 'ecsim.act', action: { type: 'ttl.set', params: { seconds: 5 } } },
        5,
      ),
    ).toEqual({
      ok: true,
      command: { type: 'ecsim.act', action: { type: 'ttl.set', params: { seconds: 5 } } },
    });
  });

  it.each([
    ['a string', 'ecsim.play'],
    ['null', null],
    ['another app’s message', { type: 'webpackHotUpdate' }],
    ['an unknown ecsim type', { type: 'ecsim.deleteEverything' }],
    ['extra fields', { type: 'ecsim.play', evil: true }],
    ['a step out of range', { type: 'ecsim.goto', step: 5 }],
    ['a fractional step', { type: 'ecsim.goto', step: 1.5 }],
    [
      'an action with an object param',
      { type: 'ecsim.act', action: { type: 'x', params: { a: {} } } },
    ],
    ['an action without a type', { type: 'ecsim.act', action: { params: {} } }],
  ])('rejects %s with a reason', (_name, data) => {
    const r = parseEmbedCommand(data, 5);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.length).toBeGreaterThan(5);
  });
});

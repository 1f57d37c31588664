import { describe, expect, it } from 'vitest';
import { EMBED_DEFAULTS } from './embed-params';
import { parseSandboxEmbedParams } from './embed-sandbox-params';

const SYSTEMS = ['replication-group', 'cluster'] as const;
const parse = (q: string) => parseSandboxEmbedParams(q, SYSTEMS, 'cache in front of a database');

describe('parseSandboxEmbedParams', () => {
  it('reads the lessons’ parameters and the system', () => {
    const { params, system, problems } = parse(
      'seed=9&controls=minimal&theme=dark&system=cluster&parentOrigin=https://blog.example',
    );
    expect(problems).toEqual([]);
    expect(system).toBe('cluster');
    expect(params).toMatchObject({
      seed: 9,
      controls: 'minimal',
      theme: 'dark',
      parentOrigins: ['https://blog.example'],
    });
  });

  it('names a lesson’s parameters as ignored, good value or bad', () => {
    const { params, problems } = parse('step=2&slide=x&mode=lesson');
    expect(problems.map((p) => p.param)).toEqual(['step', 'slide', 'mode']);
    for (const p of problems) expect(p.message).toContain('belongs to lessons');
    expect(params.step).toBeNull();
    expect(params.mode).toBe('demo');
  });

  it.each(['mainframe', '__proto__', 'constructor', '', 'x'.repeat(5_000)])(
    'refuses system=%s, names it and runs the first system',
    (bad) => {
      const { system, problems, params } = parse(`system=${bad}&seed=3`);
      expect(system).toBeNull();
      expect(params.seed).toBe(3);
      expect(problems).toHaveLength(1);
      expect(problems[0]!.message).toMatch(/^The parameter "system" has the value/);
      expect(problems[0]!.message).toContain('which is not one of replication-group, cluster');
      expect(problems[0]!.message).toContain('so the default (cache in front of a database)');
      expect(problems[0]!.message.length).toBeLessThan(300);
    },
  );

  it('keeps the lessons’ messages for the shared parameters', () => {
    const { params, problems } = parse('speed=0&controls=all');
    expect(problems.map((p) => p.param)).toEqual(['speed', 'controls']);
    expect(params.controls).toBe(EMBED_DEFAULTS.controls);
  });
});

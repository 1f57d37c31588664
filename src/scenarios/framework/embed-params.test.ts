import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMBED_DEFAULTS, exactOrigin, parseEmbedParams } from './embed-params';

describe('parseEmbedParams', () => {
  it('reads every parameter', () => {
    const { params, problems } = parseEmbedParams(
      'seed=7&step=3&speed=0.5&autoplay=1&controls=minimal&theme=dark&mode=demo&parentOrigin=https://lms.example.edu,http://127.0.0.2:8080',
    );
    expect(problems).toEqual([]);
    expect(params).toEqual({
      seed: 7,
      step: 3,
      speed: 0.5,
      autoplay: true,
      controls: 'minimal',
      theme: 'dark',
      mode: 'demo',
      parentOrigins: ['https://lms.example.edu', 'http://127.0.0.2:8080'],
    });
  });

  it('uses the defaults for an empty query', () => {
    expect(parseEmbedParams('')).toEqual({ params: EMBED_DEFAULTS, problems: [] });
  });

  it('takes slide as the step, and repeated parentOrigin values add up', () => {
    const { params } = parseEmbedParams(
      'slide=2&parentOrigin=https://a.example&parentOrigin=https://b.example',
    );
    expect(params.step).toBe(2);
    expect(params.parentOrigins).toEqual(['https://a.example', 'https://b.example']);
  });

  it.each([
    ['seed', 'seed=-1'],
    ['seed', 'seed=99999999999'],
    ['seed', 'seed=1e3'],
    ['step', 'step=0'],
    ['step', 'step=two'],
    ['slide', 'slide=1.5'],
    ['speed', 'speed=1000'],
    ['speed', 'speed=NaN'],
    ['speed', 'speed=Infinity'],
    ['speed', 'speed=-1'],
    ['autoplay', 'autoplay=maybe'],
    ['controls', 'controls=__proto__'],
    ['theme', 'theme=constructor'],
    ['mode', 'mode=toString'],
    ['parentOrigin', 'parentOrigin=*'],
    ['parentOrigin', 'parentOrigin=null'],
    ['parentOrigin', 'parentOrigin=https://lms.example/course/1'],
    ['parentOrigin', 'parentOrigin=javascript:alert(1)'],
    ['parentOrigin', 'parentOrigin=https://user@lms.example'],
    ['parentOrigin', 'parentOrigin=file:///etc/passwd'],
    ['parentOrigin', 'parentOrigin='],
  ])('refuses %s in %s, names it and keeps the default', (param, query) => {
    const { params, problems } = parseEmbedParams(query);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.param).toBe(param);
    expect(problems[0]!.message).toContain(`The parameter "${param}"`);
    expect(problems[0]!.message).toContain('so the default');
    expect(params).toEqual(EMBED_DEFAULTS);
  });

  it('says what the parameter takes, in our words, and which default it uses', () => {
    expect(parseEmbedParams('speed=1000').problems).toEqual([
      {
        param: 'speed',
        message:
          'The parameter "speed" has the value "1000", which is not a number from 0.001 to 60, so the default (the normal speed) is used.',
      },
    ]);
    expect(parseEmbedParams('controls=tiny').problems[0]!.message).toContain(
      'which is not one of full, minimal, none, so the default (full) is used',
    );
  });

  it('keeps the good parameters when others are bad, and reports each bad one', () => {
    const { params, problems } = parseEmbedParams('seed=x&theme=dark&speed=2&mode=slides');
    expect(problems.map((p) => p.param)).toEqual(['seed', 'mode']);
    expect(params).toEqual({ ...EMBED_DEFAULTS, theme: 'dark', speed: 2 });
  });

  it('forgives an empty repeat of parentOrigin, and a repeated origin counts once', () => {
    const { params, problems } = parseEmbedParams(
      'parentOrigin=https://a.example&parentOrigin=&parentOrigin=https://a.example/',
    );
    expect(problems).toEqual([]);
    expect(params.parentOrigins).toEqual(['https://a.example']);
  });

  it('refuses a huge value without echoing it whole', () => {
    const { params, problems } = parseEmbedParams(`theme=${'x'.repeat(100_000)}`);
    expect(params.theme).toBe('auto');
    expect(problems[0]!.message.length).toBeLessThan(300);
    const seed = parseEmbedParams(`seed=${'1'.repeat(100_000)}`);
    expect(seed.params.seed).toBe(42);
    expect(seed.problems[0]!.message).toContain('which is not a short value');
  });

  it('refuses more than ten origins', () => {
    const many = Array.from({ length: 11 }, (_, i) => `https://h${i}.example`).join(',');
    expect(parseEmbedParams(`parentOrigin=${many}`).params.parentOrigins).toEqual([]);
  });

  it('never throws and always returns a complete set of values', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (search) => {
        const { params, problems } = parseEmbedParams(search);
        expect(Object.keys(params).sort()).toEqual(Object.keys(EMBED_DEFAULTS).sort());
        expect(['full', 'minimal', 'none']).toContain(params.controls);
        for (const p of problems) expect(p.message).toContain(p.param);
      }),
    );
  });
});

describe('exactOrigin', () => {
  it('accepts an origin and forgives a trailing slash', () => {
    expect(exactOrigin('https://lms.example.edu')).toBe('https://lms.example.edu');
    expect(exactOrigin('https://lms.example.edu/')).toBe('https://lms.example.edu');
    expect(exactOrigin('http://127.0.0.2:4486')).toBe('http://127.0.0.2:4486');
  });
  it('refuses anything with a path, query, credentials or another scheme', () => {
    for (const bad of [
      'https://a.example/x',
      'https://a.example?x',
      'ftp://a.example',
      'a.example',
    ])
      expect(exactOrigin(bad)).toBeNull();
  });
});

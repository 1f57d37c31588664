import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, type EmbedOptions } from './embed-snippet';

const base: EmbedOptions = {
  appUrl: 'https://sim.example/app/index.html?x=1#/learn/db-cache?seed=42',
  scenario: 'db-cache',
  title: 'Database caching',
  seed: 42,
  step: null,
  controls: 'full',
  theme: 'auto',
  mode: 'lesson',
  autoplay: false,
  parentOrigins: [],
  script: true,
};

describe('embed snippet', () => {
  it('names only the parameters that differ from the defaults', () => {
    expect(embedUrl(base)).toBe('https://sim.example/app/#/embed/db-cache?seed=42');
    expect(
      embedUrl({
        ...base,
        step: 3,
        controls: 'minimal',
        theme: 'dark',
        mode: 'demo',
        autoplay: true,
        parentOrigins: ['https://lms.example.edu', 'https://b.example'],
      }),
    ).toBe(
      'https://sim.example/app/#/embed/db-cache?seed=42&step=3&controls=minimal&theme=dark&mode=demo&autoplay=1&parentOrigin=https%3A%2F%2Flms.example.edu%2Chttps%3A%2F%2Fb.example',
    );
  });

  it('builds an iframe plus the host script, with attributes escaped', () => {
    const s = embedSnippet({ ...base, title: 'A "quoted" <title>' });
    expect(s).toContain('<iframe src="https://sim.example/app/#/embed/db-cache?seed=42"');
    expect(s).toContain('title="ElastiCache Simulator: A &quot;quoted&quot; &lt;title&gt;"');
    expect(s).toContain('<script src="https://sim.example/app/embed.js" async></script>');
    expect(embedSnippet({ ...base, script: false })).not.toContain('<script');
  });
});

/**
 * Builds the embed snippet a lesson author pastes into an LMS page, blog or docs: an <iframe>
 * of `#/embed/<id>` with the chosen parameters (docs/embedding.md) and, optionally, the
 * host script that auto-resizes it. Pure, so the dialog's preview and the tests agree.
 */
export interface EmbedOptions {
  /** The app's address (any page of it; hash and query are dropped). */
  appUrl: string;
  scenario: string;
  title: string;
  seed: number;
  /** 1-based step to open at; null = the start. */
  step: number | null;
  controls: 'full' | 'minimal' | 'none';
  theme: 'light' | 'dark' | 'auto';
  mode: 'lesson' | 'demo';
  autoplay: boolean;
  /** Host page origins allowed to drive the frame (already checked), may be empty. */
  parentOrigins: string[];
  /** Include public/embed.js (auto-resize and the JS API). */
  script: boolean;
}

/**
 * The origin a host page must have to drive a frame (embed `parentOrigin`): exactly
 * `scheme://host[:port]` as `URL.origin` spells it.
 */
export function exactOrigin(text: string): string | null {
  if (text.length > 200) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // A trailing slash is forgiven; anything else beyond the origin is not an origin.
  return url.origin === text.replace(/\/$/, '').toLowerCase() ? url.origin : null;
}

export function appBase(appUrl: string): string {
  return appUrl
    .split('#')[0]!
    .split('?')[0]!
    .replace(/[^/]*$/, '');
}

export function embedUrl(o: EmbedOptions): string {
  const q = new URLSearchParams();
  q.set('seed', String(o.seed));
  if (o.step !== null && o.step > 1) q.set('step', String(o.step));
  if (o.controls !== 'full') q.set('controls', o.controls);
  if (o.theme !== 'auto') q.set('theme', o.theme);
  if (o.mode !== 'lesson') q.set('mode', o.mode);
  if (o.autoplay) q.set('autoplay', '1');
  if (o.parentOrigins.length > 0) q.set('parentOrigin', o.parentOrigins.join(','));
  return `${appBase(o.appUrl)}#/embed/${encodeURIComponent(o.scenario)}?${q.toString()}`;
}

const escapeAttr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The height the frame starts at before it reports its own (per `controls`). */
export function initialHeight(controls: EmbedOptions['controls']): number {
  return controls === 'none' ? 420 : controls === 'minimal' ? 900 : 1400;
}

export function embedSnippet(o: EmbedOptions): string {
  const iframe = `<iframe src="${escapeAttr(embedUrl(o))}" title="${escapeAttr(`ElastiCache Simulator: ${o.title}`)}" style="width: 100%; height: ${initialHeight(o.controls)}px; border: 0" loading="lazy" allow="clipboard-write"></iframe>`;
  if (!o.script) return iframe;
  return `${iframe}\n<script src="${escapeAttr(appBase(o.appUrl))}embed.js" async></script>`;
}

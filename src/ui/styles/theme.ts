/**
 * The colour theme, as a `data-theme` attribute on <html> that the stylesheets key their dark
 * colours on (src/ui/topology/canvas.css). `auto` follows the system's prefers-color-scheme and
 * its changes; an embed may fix light or dark (`theme=` in docs/embedding.md).
 */
export type Theme = 'light' | 'dark' | 'auto';

let wanted: Theme = 'auto';
let query: MediaQueryList | null | undefined;

function render(): void {
  const dark = wanted === 'dark' || (wanted === 'auto' && query?.matches === true);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}

/** Applies `theme` now and keeps following the system while it is `auto`. */
export function applyTheme(theme: Theme): void {
  wanted = theme;
  if (query === undefined) {
    query =
      typeof window.matchMedia === 'function'
        ? window.matchMedia('(prefers-color-scheme: dark)')
        : null;
    query?.addEventListener('change', render);
  }
  render();
}

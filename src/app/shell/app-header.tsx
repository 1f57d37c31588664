import type { Route } from '../routes';

/** Product name and the two places to go; the current page is marked for assistive tech too. */
export function AppHeader({ route }: { route: Route }) {
  const current =
    route.name === 'catalog'
      ? 'catalog'
      : route.name === 'sandbox' || (route.name === 'scenario' && route.id === 'sandbox')
        ? 'sandbox'
        : null;
  return (
    <header className="app-header">
      <a className="brand" href="#/">
        <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
          <rect width="32" height="32" rx="6" className="brand-mark" />
          <path d="M8 11h16M8 16h16M8 21h16" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
        </svg>
        <span>ElastiCache Simulator</span>
      </a>
      <nav aria-label="Main">
        <ul>
          <li>
            <a href="#/" aria-current={current === 'catalog' ? 'page' : undefined}>
              Catalog
            </a>
          </li>
          <li>
            <a href="#/sandbox" aria-current={current === 'sandbox' ? 'page' : undefined}>
              Sandbox
            </a>
          </li>
        </ul>
      </nav>
    </header>
  );
}

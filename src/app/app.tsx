import { lazy, Suspense, type MouseEvent } from 'react';
import { findScenario } from '../scenarios';
import type { SimSession } from '../ui';
import { useHashRoute, type Route } from './routes';
import { AppHeader } from './shell/app-header';
import { CatalogPage } from './pages/catalog-page';
import { ComingSoonPage } from './pages/coming-soon-page';
import { NotFoundPage } from './pages/not-found-page';
import { PageHeading } from './shell/page-heading';
import { OfflineNotices } from './shell/update-prompt';

// The simulation view (ui, worker client, d3) loads only when a route needs it: the catalog stays light.
const SandboxPage = lazy(() =>
  import('./pages/sandbox-page').then((m) => ({ default: m.SandboxPage })),
);
// The sandbox in an embed frame (#/embed/sandbox): its own layout and the postMessage API.
const SandboxEmbedPage = lazy(() =>
  import('./embed/sandbox-embed-page').then((m) => ({ default: m.SandboxEmbedPage })),
);
// Instructor mode (canvas, lecture driver) is its own chunk, loaded only for #/present/<id>.
const PresentPage = lazy(() =>
  import('./pages/present-page').then((m) => ({ default: m.PresentPage })),
);
// A scenario's lesson (framework, its steps, d3 panels) is its own chunk too.
const LessonRoute = lazy(() =>
  import('../scenarios/framework').then((m) => ({ default: m.LessonRoute })),
);

let lessonSession: SimSession | null = null;

/**
 * window.__sim in lessons too (e2e, the browser bench), its module loaded with the lesson. The
 * withdrawal is late (an import), so it removes only the lesson's own hook: a page opened
 * meanwhile (the sandbox sets its hook at once) keeps its own.
 */
function exposeLessonSession(session: SimSession | null): void {
  const gone = lessonSession;
  lessonSession = session;
  void import('./debug-hook').then((m) => {
    if (session) m.exposeDebugHook(session);
    else if (gone) m.withdrawDebugHook(gone);
  });
}

export function App() {
  const route = useHashRoute();
  const embed = route.name === 'scenario' && route.mode === 'embed';
  const present = route.name === 'scenario' && route.mode === 'present';
  const lecture = present && isLecture(route);
  if (embed) {
    return (
      <main id="main" className="shell shell-embed">
        <Page route={route} />
        <p className="embed-footer">
          <a href={fullAppHref(route)} target="_blank" rel="noopener">
            Open in ElastiCache Simulator
          </a>
        </p>
        <OfflineNotices />
      </main>
    );
  }
  if (lecture) {
    // The projector's and the presenter's windows: no site header, nothing but the lecture.
    return (
      <main id="main" className="shell shell-present">
        <Page route={route} />
      </main>
    );
  }
  return (
    <div className={`shell${present ? ' shell-present' : ''}`}>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <AppHeader route={route} />
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
      <OfflineNotices />
    </div>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'catalog':
      return <CatalogPage />;
    case 'not-found':
      return <NotFoundPage what={`page at “${route.path}”`} />;
    case 'sandbox':
      return (
        <Suspense fallback={<Loading />}>
          <SandboxPage
            seed={route.query.seed}
            autoplay={route.query.autoplay}
            seedError={route.query.seedError}
            system={route.query.system ?? null}
            mode="full"
          />
        </Suspense>
      );
    case 'scenario': {
      const scenario = findScenario(route.id);
      if (!scenario) return <NotFoundPage what={`scenario called “${route.id}”`} />;
      if (scenario.lecture && isLecture(route)) {
        return (
          <Suspense fallback={<Loading />}>
            <PresentPage
              key={scenario.id}
              scenarioId={scenario.id}
              load={scenario.lecture}
              onSession={exposeLessonSession}
            />
          </Suspense>
        );
      }
      if (scenario.lesson) {
        return (
          <Suspense fallback={<Loading />}>
            <LessonRoute
              key={`${scenario.id}-${route.mode}-${route.query.seed}`}
              scenario={scenario}
              seed={route.query.seed}
              mode={route.mode}
              heading={<PageHeading title={scenario.title} />}
              onSession={exposeLessonSession}
            />
          </Suspense>
        );
      }
      if (scenario.status === 'coming-soon' || scenario.id !== 'sandbox')
        return <ComingSoonPage scenario={scenario} />;
      if (route.mode === 'embed')
        return (
          <Suspense fallback={<Loading />}>
            <SandboxEmbedPage />
          </Suspense>
        );
      return (
        <Suspense fallback={<Loading />}>
          <SandboxPage
            seed={route.query.seed}
            autoplay={route.query.autoplay}
            seedError={route.query.seedError}
            system={route.query.system ?? null}
            mode={route.mode === 'learn' ? 'full' : route.mode}
          />
        </Suspense>
      );
    }
  }
}

/** The embed frame's "open in the full simulator" link: the same lesson, or the same sandbox. */
function fullAppHref(route: Route & { name: 'scenario' }): string {
  if (route.id !== 'sandbox') return `#/learn/${encodeURIComponent(route.id)}`;
  const system = route.query.system ? `&system=${encodeURIComponent(route.query.system)}` : '';
  return `#/sandbox?seed=${route.query.seed}${system}`;
}

/**
 * `#/present/<id>` is the scenario's e-lecture when it has one; `view=lesson` opens its lesson
 * with every step open instead (the instructor's preview), as a scenario without a lecture does.
 */
function isLecture(route: Route & { name: 'scenario' }): boolean {
  return (
    route.mode === 'present' &&
    route.query.view !== 'lesson' &&
    findScenario(route.id)?.lecture !== undefined
  );
}

function Loading() {
  return (
    <p className="banner" role="status">
      <span className="spinner" aria-hidden="true" /> Loading the simulator…
    </p>
  );
}

/** Hash routing owns the fragment, so the skip link moves focus itself instead of navigating. */
function skipToMain(e: MouseEvent) {
  e.preventDefault();
  document.getElementById('main')?.focus();
}

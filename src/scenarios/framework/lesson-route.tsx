import { useEffect, useState, type ReactNode } from 'react';
import { createSimClient } from '../../worker';
import type { SimSession } from '../../ui';
import type { ScenarioMeta } from '../registry';
import { LessonPage, type LessonMode } from './lesson-page';
import type { LessonDefinition } from './types';

export interface LessonRouteProps {
  scenario: ScenarioMeta;
  seed: number;
  mode: LessonMode;
  onSession?: (session: SimSession | null) => void;
  /** The page's h1, from the app shell (it manages focus and the document title). */
  heading: ReactNode;
}

/** `#/learn|present|embed/<id>` for a scenario with a lesson: loads its definition, then the page. */
export function LessonRoute({ scenario, seed, mode, onSession, heading }: LessonRouteProps) {
  const [lesson, setLesson] = useState<LessonDefinition | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setLesson(null);
    scenario
      .lesson?.()
      .then((l) => live && setLesson(l))
      .catch((err: unknown) => {
        console.error('[lesson] could not load', err);
        if (live)
          setError(
            'The lesson could not be loaded (a network or build problem). Reload the page to try again.',
          );
      });
    return () => {
      live = false;
    };
  }, [scenario]);

  if (error) {
    return (
      <p className="banner banner-error" role="alert">
        {error}
      </p>
    );
  }
  if (!lesson) {
    return (
      <p className="banner" role="status">
        <span className="spinner" aria-hidden="true" /> Loading the lesson…
      </p>
    );
  }
  return (
    <>
      {mode === 'embed' ? null : (
        <div className="page-intro">
          {heading}
          <details className="lede-more">
            <summary>About this lesson</summary>
            <p className="lede">{lesson.intro}</p>
          </details>
        </div>
      )}
      <LessonPage
        key={`${seed}-${mode}`}
        lesson={lesson}
        seed={seed}
        mode={mode}
        createClient={createSimClient}
        onSession={onSession}
      />
    </>
  );
}

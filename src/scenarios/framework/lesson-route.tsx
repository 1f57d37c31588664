import { useEffect, useState, type ReactNode } from 'react';
import { createSimClient } from '../../worker';
import { applyTheme, type SimSession } from '../../ui';
import type { ScenarioMeta } from '../registry';
import { LessonPage, type LessonMode } from './lesson-page';
import type { LessonDefinition } from './types';
import { parseEmbedParams, type EmbedParams, type ParamProblem } from './embed-params';
import { EmbedParamProblems } from './embed-param-problems';

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
  // Embed mode reads its URL parameters once; a bad one is named on screen and its default used.
  const [embed] = useState(() =>
    mode === 'embed' ? parseEmbedParams(hashQuery(window.location.hash)) : null,
  );
  const theme = embed?.params.theme ?? 'auto';
  useEffect(() => {
    applyTheme(theme);
    return () => applyTheme('auto');
  }, [theme]);
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
      <>
        {embed ? <EmbedParamProblems problems={embed.problems} /> : null}
        <p className="banner" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the lesson…
        </p>
      </>
    );
  }
  const checked = embed ? withStepInRange(embed, lesson.steps.length) : null;
  return (
    <>
      {checked ? <EmbedParamProblems problems={checked.problems} /> : null}
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
        seed={checked?.params.seed ?? seed}
        mode={mode}
        embed={checked?.params ?? null}
        createClient={createSimClient}
        onSession={onSession}
      />
    </>
  );
}

function hashQuery(hash: string): string {
  const q = hash.indexOf('?');
  return q === -1 ? '' : hash.slice(q + 1);
}

/** The step parameter can only be checked against the lesson once it is loaded. */
function withStepInRange(
  embed: { params: EmbedParams; problems: ParamProblem[] },
  steps: number,
): { params: EmbedParams; problems: ParamProblem[] } {
  const { step } = embed.params;
  if (step === null || step <= steps) return embed;
  return {
    params: { ...embed.params, step: null },
    problems: [
      ...embed.problems,
      {
        param: 'step',
        message: `The parameter "step" asks for step ${step}, but this lesson has ${steps} steps, so it opens at the first step (or the saved one).`,
      },
    ],
  };
}

import { useCallback, useEffect, useState } from 'react';
import type { SimSession } from '../../ui';
import {
  AudienceWindow,
  parseSlideParam,
  PresenterWindow,
  type LectureDefinition,
} from '../../ui/present';
import { createSimClient } from '../../worker';

export interface PresentPageProps {
  /** The scenario id (the route's). */
  scenarioId: string;
  /** Loads its lecture (code-split, from the registry). */
  load: () => Promise<LectureDefinition>;
  onSession?: (session: SimSession | null) => void;
}

/**
 * `#/present/<id>` — the audience view for the projector; `?view=presenter` the instructor's
 * window; `?slide=N` lands on slide N in its scripted state.
 */
export function PresentPage({ scenarioId, load, onSession }: PresentPageProps) {
  const [lecture, setLecture] = useState<LectureDefinition | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [params] = useState(() => hashParams(window.location.hash));
  useEffect(() => {
    let live = true;
    load()
      .then((l) => live && setLecture(l))
      .catch((err: unknown) => {
        console.error('[present] could not load the lecture', err);
        if (live)
          setError(
            'The lecture could not be loaded (a network or build problem). Reload the page to try again.',
          );
      });
    return () => {
      live = false;
    };
  }, [load]);
  const presenter = params.get('view') === 'presenter';
  const id = encodeURIComponent(scenarioId);
  const otherHref = useCallback(
    (slide: number) => `#/present/${id}?${presenter ? '' : 'view=presenter&'}slide=${slide + 1}`,
    [id, presenter],
  );

  if (error) {
    return (
      <p className="banner banner-error" role="alert">
        {error}
      </p>
    );
  }
  if (!lecture) {
    return (
      <p className="banner" role="status">
        <span className="spinner" aria-hidden="true" /> Loading the lecture…
      </p>
    );
  }
  const { index, problem } = parseSlideParam(params.get('slide'), lecture.slides.length);
  return presenter ? (
    <PresenterWindow
      lecture={lecture}
      initialSlide={index}
      otherHref={otherHref}
      notice={problem}
    />
  ) : (
    <AudienceWindow
      lecture={lecture}
      initialSlide={index}
      otherHref={otherHref}
      notice={problem}
      createClient={createSimClient}
      onSession={onSession}
    />
  );
}

function hashParams(hash: string): URLSearchParams {
  const q = hash.indexOf('?');
  return new URLSearchParams(q === -1 ? '' : hash.slice(q + 1));
}

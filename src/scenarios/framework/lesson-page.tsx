import { useCallback, useEffect, useState } from 'react';
import { SimSessionContext, useSimSessionLifecycle } from '../../ui/lesson';
import type { SimSession } from '../../ui';
import { progressStore } from './progress-location';
import type { LoadResult, MachineView, SimClient } from '../../worker';
import { shareParamFromHash, SHARE_PARAM } from './share-link';
import { clearProgress } from './progress-store';
import { resolveStartup, type LessonStartup } from './startup';
import type { LessonDefinition } from './types';
import type { EmbedParams } from './embed-params';
import { LessonView } from './lesson-view';

export type LessonMode = 'learn' | 'present' | 'embed';

export interface LessonPageProps {
  lesson: LessonDefinition;
  seed: number;
  mode: LessonMode;
  /** Embed mode's validated URL parameters. */
  embed?: EmbedParams | null;
  createClient: () => SimClient;
  onSession?: (session: SimSession | null) => void;
}

/**
 * A scenario's lesson: decides what to start from (share link, saved progress, fresh), then runs
 * the simulation session and the lesson around it. Reset starts everything over.
 */
export function LessonPage({
  lesson,
  seed,
  mode,
  embed = null,
  createClient,
  onSession,
}: LessonPageProps) {
  const [generation, setGeneration] = useState(0);
  const [startup, setStartup] = useState<LessonStartup | null>(null);

  useEffect(() => {
    let live = true;
    // A reset clears progress here, after the old session (and its autosave) has unmounted.
    if (generation > 0) clearProgress(progressStore(mode), lesson.scenario);
    const hash = window.location.hash;
    const shareParam = generation === 0 ? shareParamFromHash(hash) : null;
    void resolveStartup({
      scenario: lesson.scenario,
      routeSeed: seed,
      seedInUrl: /[?&]seed=/.test(hash),
      shareParam,
      storage: progressStore(mode),
    }).then((s) => {
      if (!live) return;
      // The link has done its job: drop it from the address so a reload resumes saved progress.
      if (shareParam !== null) {
        const params = new URLSearchParams(hash.slice(hash.indexOf('?') + 1));
        params.delete(SHARE_PARAM);
        params.set('seed', String(s.seed));
        window.history.replaceState(
          null,
          '',
          `${hash.slice(0, hash.indexOf('?'))}?${params.toString()}`,
        );
      }
      setStartup(s);
    });
    return () => {
      live = false;
    };
  }, [lesson, seed, generation, mode]);

  const reset = useCallback(() => {
    setStartup(null);
    setGeneration((g) => g + 1);
  }, []);

  if (!startup) {
    return (
      <p className="banner" role="status">
        <span className="spinner" aria-hidden="true" /> Opening the lesson…
      </p>
    );
  }
  return (
    <LessonSession
      key={generation}
      lesson={lesson}
      startup={startup}
      mode={mode}
      embed={embed}
      createClient={createClient}
      onSession={onSession}
      onReset={reset}
    />
  );
}

function LessonSession({
  lesson,
  startup,
  mode,
  embed,
  createClient,
  onSession,
  onReset,
}: {
  lesson: LessonDefinition;
  startup: LessonStartup;
  mode: LessonMode;
  embed: EmbedParams | null;
  createClient: () => SimClient;
  onSession?: (s: SimSession | null) => void;
  onReset: () => void;
}) {
  const [machines, setMachines] = useState<MachineView[]>([]);
  const [create] = useState(
    () => () => withLoadListener(createClient(), (r) => setMachines(r.machines)),
  );
  const session = useSimSessionLifecycle({
    createClient: create,
    scenario: lesson.scenario,
    seed: startup.seed,
    // A lesson opens paused on its step's text: nothing happens until the student starts it.
    autoplay: false,
    onSession,
  });
  if (!session) return null;
  return (
    <SimSessionContext.Provider value={session}>
      <LessonView
        lesson={lesson}
        session={session}
        startup={startup}
        mode={mode}
        embed={embed}
        machines={machines}
        onReset={onReset}
      />
    </SimSessionContext.Provider>
  );
}

/**
 * The UI store keeps the topology and actions of a load but not its statecharts, so the lesson
 * listens to load results itself (every other call passes straight through).
 */
function withLoadListener(client: SimClient, onLoad: (r: LoadResult) => void): SimClient {
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'load') {
        return async (scenario: string, seed: number) => {
          const result = await target.load(scenario, seed);
          onLoad(result);
          return result;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

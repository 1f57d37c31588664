import { useCallback, useEffect, useRef, useState } from 'react';
import type { SimSession } from '../session/sim-session';
import { selectSimState, selectTopology, selectSnapshot } from '../store/sim-slice';
import { selectPlaying } from '../store/playback-slice';
import { useUiStore } from '../store/ui-store';
import { planFor, runPlan, type LecturePosition, type LectureRunner } from './lecture-script';
import type { LectureDefinition } from './lecture-types';
import type { AudienceStatus } from './sync-protocol';

export interface LectureSim {
  status: AudienceStatus;
  togglePlay(): void;
  /** The current slide's prepared fault (0-based); off-script from then on. */
  fault(index: number): void;
  /** Rebuilds the current slide's scripted state (R, "back to script"). */
  backToScript(): void;
}

/** Before slide 1: the scenario freshly loaded from the lecture's seed. */
const FRESH: LecturePosition = { slide: -1, onScript: true };

/**
 * Drives the audience window's simulation through the lecture: follows `slide` (running only the
 * next script when it can, else rebuilding from a fresh load), and carries out the presenter's
 * commands one after another, so quick key presses never interleave.
 */
export function useLectureSim(
  session: SimSession,
  lecture: LectureDefinition,
  slide: number,
): LectureSim {
  const simState = useUiStore(selectSimState);
  const topology = useUiStore(selectTopology);
  const snapshot = useUiStore(selectSnapshot);
  const playing = useUiStore(selectPlaying);
  const [position, setPosition] = useState<LecturePosition | null>(null);
  const [busy, setBusy] = useState(true);
  const [problem, setProblem] = useState<string | null>(null);
  const pos = useRef<LecturePosition | null>(null);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const target = useRef(slide);
  target.current = slide;
  const pending = useRef(0);

  const runner: LectureRunner = {
    reload: () => session.load(lecture.scenario, lecture.seed, false),
    act: (action) => session.act(action),
    advance: (us) => session.fastForward(us),
  };

  const moveTo = (next: LecturePosition) => {
    pos.current = next;
    setPosition(next);
  };

  /** Runs `work` after everything queued before it; `busy` while any is queued. */
  const enqueue = (work: () => Promise<void>) => {
    pending.current++;
    setBusy(true);
    queue.current = queue.current
      .then(work)
      .catch((err: unknown) => {
        console.error('[present] the slide could not be set up', err);
        setProblem('The slide could not be set up. Press R to try again.');
      })
      .finally(() => {
        pending.current--;
        if (pending.current === 0) setBusy(false);
      });
  };

  /** Goes to the slide wanted now (later presses have moved the target on: one trip). */
  const follow = (rebuild: boolean) =>
    enqueue(async () => {
      const from = pos.current;
      if (!from) return;
      const to = target.current;
      if (!rebuild && from.onScript && from.slide === to) return;
      await session.pause();
      const plan = planFor(lecture, rebuild ? { slide: from.slide, onScript: false } : from, to);
      const error = await runPlan(runner, plan);
      setProblem(error ? `This slide’s script did not run to the end: ${error}.` : null);
      moveTo({ slide: to, onScript: error === null });
    });

  // The session's first load is slide 0's starting point; then follow the slide.
  const ready = simState === 'ready' && topology !== null;
  useEffect(() => {
    if (!ready || pos.current) return;
    moveTo(FRESH);
    follow(false);
    // follow reads refs only; the first ready state happens once per session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ready]);
  useEffect(() => {
    if (pos.current) follow(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slide]);

  const offScript = () => {
    if (pos.current) moveTo({ ...pos.current, onScript: false });
  };

  const togglePlay = useCallback(() => {
    enqueue(async () => {
      if (!pos.current) return;
      offScript();
      await session.togglePlay();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);

  const fault = useCallback(
    (index: number) => {
      enqueue(async () => {
        const at = pos.current;
        const f = at ? lecture.slides[at.slide]?.faults?.[index] : undefined;
        if (!f) return;
        offScript();
        for (const action of f.actions) {
          const error = await session.act(action);
          if (error) setProblem(`“${f.label}” was refused: ${error}`);
        }
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, lecture],
  );

  // eslint-disable-next-line react-hooks/exhaustive-deps
  const backToScript = useCallback(() => follow(true), [session, lecture]);

  const status: AudienceStatus = {
    slide: position && position.slide >= 0 ? position.slide : 0,
    onScript: position?.onScript ?? true,
    playing,
    // Until the simulation has reached the slide shown, the slide is still being set up.
    busy: busy || position?.slide !== slide,
    nowUs: Math.max(0, Math.round(snapshot?.now ?? 0)),
    traceHash: snapshot?.traceHash ?? '',
    problem,
  };
  return { status, togglePlay, fault, backToScript };
}

/**
 * The glue between a lesson definition, its lesson machine and a running simulation session:
 * restores the simulation (saved progress or share link), feeds goal trackers from the trace
 * and metrics, saves progress, and offers the actions the lesson page's buttons call.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useUiStore, type KeyValueStore, type SimSession } from '../../ui';
import type {
  ExperimentProgress,
  ExperimentResult,
  ExperimentSpec,
  TraceEvent,
} from '../../worker';
import { LessonGoals, type GoalTarget } from './goals';
import { saveProgress } from './progress-store';
import { encodeShareLink, SHARE_PARAM } from './share-link';
import type { LessonStartup } from './startup';
import type { FieldValues, LessonDefinition } from './types';
import { useLessonActor } from './use-lesson-actor';
import { unknownActionTypes } from './validate';
import { controlValues } from './controls';
import { useIdleHints } from './use-idle-hints';

/** The experiment calls of the sim client (see src/worker/protocol.ts SimWorkerApi). */
interface ExperimentRunner {
  runExperiment(
    spec: ExperimentSpec,
    onProgress: (p: ExperimentProgress) => void,
  ): Promise<ExperimentResult>;
  cancelExperiment(): Promise<void>;
}

const SAVE_EVERY_MS = 3_000;

export function useLessonController(
  lesson: LessonDefinition,
  session: SimSession,
  startup: LessonStartup,
  onProblem: (text: string) => void,
  /** Where progress is saved (lesson-page.tsx progressStore). */
  store: KeyValueStore,
) {
  const [actor, lessonState] = useLessonActor(
    lesson.steps,
    startup.progress.met,
    startup.progress.step,
  );
  const [quiz, setQuiz] = useState<Record<string, string>>(startup.progress.quiz);
  const [logVersion, setLogVersion] = useState(0);
  const [restoring, setRestoring] = useState<string | null>(
    startup.restore ? 'Rebuilding your simulation from its seed and your actions…' : null,
  );
  const goals = useRef(
    new LessonGoals(
      lesson.steps.map((s) => ({ id: s.id, goal: s.goal, mayBeMetEarly: s.mayBeMetEarly })),
      startup.progress.met,
    ),
  );
  const index = lessonState.context.index;
  const currentId = lesson.steps[index]?.id;
  const [targets, setTargets] = useState<GoalTarget[]>([]);
  const targetsText = useRef('');
  const showTargets = useCallback((id: string | undefined) => {
    const next = id === undefined ? [] : goals.current.targets(id);
    // Re-render only when the target picture changes.
    const text = JSON.stringify(next);
    if (text !== targetsText.current) {
      targetsText.current = text;
      setTargets(next);
    }
  }, []);
  // A goal is tracked from its step's entry: what happened before the student got there is not
  // theirs. Its baselines are taken now, from the snapshot on screen (the simulation may be paused).
  useEffect(() => {
    if (currentId === undefined) return showTargets(undefined);
    goals.current.enter(currentId);
    const snap = useUiStore.getState().snapshot;
    if (snap) {
      for (const goalId of goals.current.update({
        events: [],
        metrics: snap.metrics,
        actions: session.client.log,
        nowUs: snap.now,
      }))
        actorRef.current.send({ type: 'GOAL_MET', goalId });
    }
    showTargets(currentId);
  }, [currentId, session, showTargets]);
  const restored = useRef(false);
  const simState = useUiStore((s) => s.simState);
  const topology = useUiStore((s) => s.topology);

  // The running actor replaces the first render's one in an effect; sends go to the current one.
  const actorRef = useRef(actor);
  actorRef.current = actor;

  // Goals: events arrive through the feed just before the batch's snapshot; check on the snapshot.
  useEffect(() => {
    let pending: TraceEvent[] = [];
    const offFeed = session.feed.subscribe((events, reset) => {
      if (reset) pending = [];
      pending.push(...events);
    });
    const offSnap = session.onSnapshot((snapshot) => {
      const events = pending;
      pending = [];
      for (const goalId of goals.current.update({
        events,
        metrics: snapshot.metrics,
        actions: session.client.log,
        nowUs: snapshot.now,
      })) {
        actorRef.current.send({ type: 'GOAL_MET', goalId });
      }
      const { steps, index } = actorRef.current.getSnapshot().context;
      showTargets(steps[index]?.id);
    });
    return () => {
      offFeed();
      offSnap();
    };
  }, [session, actor, showTargets]);

  // Restore once the scenario has loaded: replay the log at its virtual times, then stop there.
  useEffect(() => {
    if (restored.current || simState !== 'ready' || !topology) return;
    restored.current = true;
    if (startup.shareStep !== null && startup.shareStep < lesson.steps.length)
      actor.send({ type: 'GOTO', index: startup.shareStep });
    const plan = startup.restore;
    if (!plan) return;
    void (async () => {
      const known = useUiStore.getState().actions.map((a) => a.type);
      const unknown = unknownActionTypes(plan.log, known);
      let problem =
        unknown.length > 0
          ? `it holds actions this scenario does not have (${unknown.slice(0, 3).join(', ')})`
          : null;
      for (let i = 0; !problem && i < plan.log.length; i++) {
        const { atUs, action } = plan.log[i]!;
        const now = useUiStore.getState().snapshot?.now ?? 0;
        if (atUs > now) await session.fastForward(atUs - now);
        const err = await session.act(action);
        if (err) problem = `its action ${i + 1} (${action.type}) was refused: ${err}`;
      }
      if (problem) {
        onProblem(
          `The saved simulation could not be rebuilt: ${problem}. Nothing from it was kept; the simulation starts fresh from seed ${startup.seed}.`,
        );
        await session.load(lesson.scenario, startup.seed, true);
      } else {
        const now = useUiStore.getState().snapshot?.now ?? 0;
        if (plan.untilUs > now) await session.fastForward(plan.untilUs - now);
      }
      setLogVersion((v) => v + 1);
      setRestoring(null);
    })();
  }, [simState, topology, startup, session, actor, lesson, onProblem]);

  const save = useCallback(() => {
    if (restoring) return;
    const snap = actor.getSnapshot();
    const simSnap = useUiStore.getState().snapshot;
    const unlocked = lesson.steps
      .filter((s) => snap.context.met.includes(s.id))
      .flatMap((s) => s.unlocks ?? []);
    const err = saveProgress(store, lesson.scenario, {
      step: snap.context.index,
      met: snap.context.met,
      quiz,
      unlocked: [...new Set(unlocked)],
      sim: simSnap
        ? { seed: simSnap.seed, untilUs: simSnap.now, log: [...session.client.log] }
        : null,
    });
    if (err) onProblem(err);
  }, [actor, lesson, quiz, restoring, session, onProblem, store]);

  useEffect(save, [save, lessonState, logVersion]);
  useEffect(() => {
    const id = window.setInterval(save, SAVE_EVERY_MS);
    window.addEventListener('pagehide', save);
    return () => {
      window.clearInterval(id);
      window.removeEventListener('pagehide', save);
    };
  }, [save]);

  const act = useCallback(
    async (actions: { type: string; params?: Record<string, string | number | boolean> }[]) => {
      for (const a of actions) {
        const err = await session.act(a);
        if (err) return err;
      }
      setLogVersion((v) => v + 1);
      return null;
    },
    [session],
  );

  const stepBack = useCallback(async (): Promise<string | null> => {
    if (session.client.log.length === 0) return 'There is no action to undo yet.';
    await session.pause();
    const undoneAt = session.client.log[session.client.log.length - 1]!.atUs;
    const snap = await session.client.stepBack();
    session.timeline.undoFrom(undoneAt);
    // The rebuilt trace starts its sequence numbers again: the views must accept them.
    session.feed.reset(-1);
    if (snap) useUiStore.getState().setSnapshot(snap);
    setLogVersion((v) => v + 1);
    return null;
  }, [session]);

  const share = useCallback(async (): Promise<string> => {
    const snap = useUiStore.getState().snapshot;
    if (!snap) throw new Error('the simulation has not started yet');
    const payload = await encodeShareLink({
      scenario: lesson.scenario,
      seed: snap.seed,
      untilUs: snap.now,
      step: Math.min(actor.getSnapshot().context.index, lesson.steps.length - 1),
      log: [...session.client.log],
    });
    const base = `${window.location.origin}${window.location.pathname}`;
    return `${base}#/learn/${encodeURIComponent(lesson.scenario)}?seed=${snap.seed}&${SHARE_PARAM}=${payload}`;
  }, [actor, lesson, session]);

  // The client's log is mutable: logVersion is bumped whenever it changes, so it stands in for it.
  const values = useMemo(
    () => (logVersion >= 0 ? controlValues(lesson.controls, session.client.log) : {}),
    [lesson, session, logVersion],
  );

  const applyGroup = useCallback(
    (groupId: string, v: FieldValues) => {
      const g = lesson.controls.find((c) => c.id === groupId);
      return g ? act(g.toActions(v)) : Promise.resolve(`Unknown control ${groupId}`);
    },
    [lesson, act],
  );

  const pressButton = useCallback(
    (id: string) => {
      const b = lesson.buttons.find((x) => x.id === id);
      return b ? act([b.action]) : Promise.resolve(`Unknown button ${id}`);
    },
    [lesson, act],
  );

  /** "Show me": performs the current step's action, then plays so the student watches it. */
  const showMe = useCallback(async (): Promise<string | null> => {
    const step = lesson.steps[actorRef.current.getSnapshot().context.index];
    if (!step) return null;
    const err = step.showMe.actions.length > 0 ? await act(step.showMe.actions) : null;
    if (!err) await session.play();
    return err;
  }, [lesson, act, session]);

  useIdleHints(actor, lesson.steps[index], index, lessonState.context.hintsShown, logVersion);

  /** "Skip step": moves on without the goal, which stops being tracked until the step is entered again. */
  const skip = useCallback(() => {
    const { steps, index: i } = actorRef.current.getSnapshot().context;
    const id = steps[i]?.id;
    if (id !== undefined) goals.current.drop(id);
    actorRef.current.send({ type: 'SKIP' });
  }, []);

  const answer = useCallback(
    (itemId: string, choiceId: string) => setQuiz((q) => ({ ...q, [itemId]: choiceId })),
    [],
  );

  const experimentRunner = (): ExperimentRunner => {
    const c = session.client as unknown as Partial<ExperimentRunner>;
    if (typeof c.runExperiment !== 'function' || typeof c.cancelExperiment !== 'function') {
      throw new Error('this build of the simulator worker cannot run experiments');
    }
    return c as ExperimentRunner;
  };

  return {
    actor,
    lessonState,
    quiz,
    answer,
    restoring,
    act,
    stepBack,
    share,
    values,
    applyGroup,
    pressButton,
    experimentRunner,
    logVersion,
    targets,
    showMe,
    skip,
  };
}

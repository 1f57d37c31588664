import { useCallback, useMemo, useState } from 'react';
import {
  ControlPanel,
  EmbedDialog,
  ExperimentPanel,
  GoalList,
  LessonPanel,
  LessonToolbar,
  LessonWorkspace,
  MetricsPanel,
  ComparisonTable,
  QuizPanel,
  StatechartView,
  formatMetricValue,
  metricInfo,
  type Prediction,
} from '../../ui/lesson';
import { periodValues } from './prediction';
import { arrangeQuiz } from './quiz-order';
import { browserStorage, useUiStore, type SimSession } from '../../ui';
import { ConsolesPanel } from '../../ui/console';
import { scoreQuiz } from './quiz';
import type { LessonStartup } from './startup';
import type { LessonDefinition } from './types';
import { useLessonController } from './use-lesson-controller';
import { stepDone } from './use-lesson-actor';
import { useEmbedApi } from './use-embed-api';
import { useEmbedResize } from './use-embed-resize';
import { useEmbedStart } from './use-embed-start';
import { EMBED_DEFAULTS, type EmbedParams } from './embed-params';
import { targetViews } from './target-view';
import type { LessonMode } from './lesson-page';
import { progressStore } from './progress-location';
import type { MachineView } from '../../worker';

const NO_ORIGINS: readonly string[] = [];

interface Props {
  lesson: LessonDefinition;
  session: SimSession;
  startup: LessonStartup;
  mode: LessonMode;
  machines: readonly MachineView[];
  /** Embed mode's validated URL parameters (null in the other modes). */
  embed: EmbedParams | null;
  onReset(): void;
}

/** What the Redis console reaches, and how a real client would (docs/endpoints.md, docs/aws/security.md). */
function redisEndpointNote(endpoint: string): string {
  return `Connected to the primary endpoint ${endpoint} on port 6379, as redis-cli -h would be. With in-transit encryption on (always on for serverless caches), redis-cli needs --tls; this simulated console skips the TLS handshake.`;
}

/** The lesson around a running session: step, goals, quiz, controls, metrics, statecharts, experiment. */
export function LessonView({ lesson, session, startup, mode, machines, embed, onReset }: Props) {
  const [problems, setProblems] = useState<string[]>(startup.problems);
  const addProblem = useCallback(
    (text: string) => setProblems((p) => (p.includes(text) ? p : [...p, text])),
    [],
  );
  const [store] = useState(() => progressStore(mode));
  const c = useLessonController(lesson, session, startup, addProblem, store);
  const simState = useUiStore((s) => s.simState);
  const actionSpecs = useUiStore((s) => s.actions);
  const ctx = c.lessonState.context;
  const targets = useMemo(
    () => targetViews(c.targets, (type) => actionSpecs.find((a) => a.type === type)?.label ?? type),
    [c.targets, actionSpecs],
  );
  const presenter = mode === 'present';

  const unlocked = useMemo(
    () =>
      new Set(lesson.steps.filter((s) => ctx.met.includes(s.id)).flatMap((s) => s.unlocks ?? [])),
    [lesson, ctx.met],
  );
  const arranged = useMemo(() => arrangeQuiz(lesson.quiz, startup.seed), [lesson, startup]);
  const offered = arranged.filter(
    (q) =>
      presenter ||
      ctx.met.includes(q.afterStep) ||
      ctx.skipped.includes(q.afterStep) ||
      Object.hasOwn(c.quiz, q.id),
  );
  const score = scoreQuiz(lesson.quiz, c.quiz);
  const fastForwarding = useUiStore((s) => s.fastForward !== null);
  const busy = simState !== 'ready' || c.restoring !== null || fastForwarding;
  const embedParams = mode === 'embed' ? embed : null;
  // What the embed shows around the picture (docs/embedding.md "Layout"): full = the lesson with
  // its controls, metrics and quiz; minimal = the step only; none = the picture (the host drives).
  const chrome = embedParams?.controls ?? 'full';
  const slim = embedParams !== null && chrome !== 'full';
  const showLesson = embedParams === null || (embedParams.mode === 'lesson' && chrome !== 'none');
  useEmbedApi(embedParams !== null, {
    lesson,
    session,
    actor: c.actor,
    params: embedParams ?? EMBED_DEFAULTS,
    seed: startup.seed,
    quiz: c.quiz,
    onReset,
    live: simState === 'ready' && c.restoring === null,
  });
  useEmbedResize(embedParams !== null, embedParams?.parentOrigins ?? NO_ORIGINS);
  useEmbedStart(embedParams, session, c.actor, simState === 'ready' && c.restoring === null);

  // A prediction runs in a fork (fresh simulation from seed + log): the lesson's own run and its
  // trace hash are untouched, and the student compares the period before with the period after.
  const predict = async (itemId: string, choiceId: string): Promise<Prediction | string> => {
    const item = lesson.quiz.find((q) => q.id === itemId);
    if (!item || item.kind !== 'predict') return 'This question has no simulation to run.';
    const snap = useUiStore.getState().snapshot;
    if (!snap) return 'The simulation has not started yet.';
    const result = await session.client.fork({
      untilUs: snap.now,
      actions: item.actions,
      periodUs: item.periodUs,
      samples: 10,
    });
    if (!result.ok) return `The simulator refused the question’s setup: ${result.error}`;
    c.answer(itemId, choiceId);
    const fmt = (m: string, v: number | null) =>
      v === null ? '—' : formatMetricValue(v, metricInfo(m).unit);
    const seconds = `${item.periodUs / 1e6} s`;
    return {
      periods: [`Last ${seconds}`, `Next ${seconds}`],
      rows: periodValues(item.observe, result.before, result.after).map((v, i) => ({
        metric: v.metric,
        label: `${metricInfo(v.metric).name}${item.observe[i]!.as === 'change' ? ' (added)' : ' (average)'}`,
        before: fmt(v.metric, v.before),
        after: fmt(v.metric, v.after),
      })),
    };
  };

  const experiment = lesson.experiment;
  return (
    <>
      {mode === 'embed' ? <h1 className="visually-hidden">{lesson.title}</h1> : null}
      {browserStorage().persistent ? null : <StorageNote mode={mode} scenario={lesson.scenario} />}
      <div role="alert" className={problems.length > 0 ? 'lesson-problems' : 'notice-empty'}>
        {problems.map((p) => (
          <p key={p}>{p}</p>
        ))}
        {problems.length > 0 ? (
          <button type="button" className="btn btn-small" onClick={() => setProblems([])}>
            Dismiss
          </button>
        ) : null}
      </div>
      <LessonWorkspace
        mode={mode === 'learn' ? 'full' : mode}
        busyText={c.restoring}
        chrome={chrome}
        toolbar={
          slim ? null : (
            <LessonToolbar
              canStepBack={session.client.log.length > 0}
              busy={busy}
              onStepBack={c.stepBack}
              onShare={c.share}
              onReset={onReset}
              onRunAhead={(us) => session.fastForward(us)}
              extra={
                mode === 'learn' ? (
                  <EmbedDialog
                    scenario={lesson.scenario}
                    title={lesson.title}
                    seed={startup.seed}
                    step={Math.min(ctx.index + 1, lesson.steps.length)}
                  />
                ) : null
              }
            />
          )
        }
        lesson={
          showLesson ? (
            <>
              <LessonPanel
                steps={lesson.steps}
                index={ctx.index}
                goalMet={stepDone(c.lessonState)}
                hintsShown={ctx.hintsShown}
                targets={targets}
                onNext={() => c.actor.send({ type: 'NEXT' })}
                onPrev={() => c.actor.send({ type: 'PREV' })}
                onHint={() => c.actor.send({ type: 'HINT' })}
                onShowMe={c.showMe}
                onSkip={c.skip}
                completeText={`You met ${ctx.met.length} of ${lesson.steps.length} goals. Explore freely, try the quiz, or compare strategies in the experiment below.`}
              />
              {slim ? null : (
                <GoalList
                  steps={lesson.steps}
                  met={ctx.met}
                  index={ctx.index}
                  onJump={presenter ? (i) => c.actor.send({ type: 'GOTO', index: i }) : undefined}
                />
              )}
            </>
          ) : null
        }
        quiz={
          showLesson && !slim ? (
            <QuizPanel
              items={offered}
              answers={c.quiz}
              onAnswer={c.answer}
              onPredict={predict}
              presenter={presenter}
              score={score}
            />
          ) : null
        }
        main={
          slim ? (
            chrome === 'minimal' ? (
              <MetricsPanel preferred={lesson.keyMetrics} limit={3} />
            ) : null
          ) : (
            <>
              {lesson.comparison ? <ComparisonTable spec={lesson.comparison} /> : null}
              <ControlPanel
                groups={lesson.controls}
                values={c.values}
                buttons={lesson.buttons}
                disabled={busy}
                onApply={c.applyGroup}
                onButton={c.pressButton}
              />
              <MetricsPanel
                preferred={lesson.keyMetrics}
                limit={mode === 'embed' ? 6 : undefined}
              />
            </>
          )
        }
        lower={
          <>
            {/* The whole width: a statechart at 14 px text is wider than the column beside the quiz. */}
            {mode === 'embed'
              ? null
              : machines.map((m) => <StatechartView key={m.id} machine={m} />)}
            {lesson.consoles && lesson.consoles.length > 0 && mode !== 'embed' ? (
              <ConsolesPanel
                targets={lesson.consoles}
                session={session}
                redisHost={lesson.redisEndpoint ? `${lesson.redisEndpoint}:6379` : undefined}
                redisNote={
                  lesson.redisEndpoint ? redisEndpointNote(lesson.redisEndpoint) : undefined
                }
              />
            ) : null}
            {experiment && mode !== 'embed' && (unlocked.has('experiment') || presenter) ? (
              <ExperimentPanel
                title={experiment.title}
                description={experiment.description}
                variants={experiment.variants.map((v) => v.label)}
                requests={experiment.requests}
                charts={experiment.charts}
                disabled={busy}
                run={(labels, onProgress) =>
                  c.experimentRunner().runExperiment(
                    {
                      requests: experiment.requests,
                      sampleEvery: experiment.sampleEvery,
                      variants: experiment.variants.filter((v) => labels.includes(v.label)),
                    },
                    onProgress,
                  )
                }
                cancel={() => c.experimentRunner().cancelExperiment()}
              />
            ) : null}
          </>
        }
      />
    </>
  );
}

/**
 * Where the browser denies storage (always possible in a third-party frame), progress lives only
 * in this page view: said quietly, once, with the way to keep it.
 */
function StorageNote({ mode, scenario }: { mode: LessonMode; scenario: string }) {
  if (mode === 'embed') {
    return (
      <p className="storage-note">
        Progress is not saved here —{' '}
        <a href={`#/learn/${encodeURIComponent(scenario)}`} target="_blank" rel="noopener">
          open in the full simulator
        </a>{' '}
        to keep it.
      </p>
    );
  }
  return (
    <p className="storage-note">
      This browser blocks storage for the simulator, so your progress is kept only while this page
      is open.
    </p>
  );
}

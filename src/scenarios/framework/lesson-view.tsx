import { useCallback, useMemo, useState } from 'react';
import {
  ControlPanel,
  ExperimentPanel,
  GoalList,
  LessonPanel,
  LessonToolbar,
  LessonWorkspace,
  MetricsPanel,
  QuizPanel,
  StatechartView,
  formatMetricValue,
  metricInfo,
  type Observation,
} from '../../ui/lesson';
import { useUiStore, type SimSession } from '../../ui';
import { ConsolesPanel } from '../../ui/console';
import { scoreQuiz } from './quiz';
import type { LessonStartup } from './startup';
import type { LessonDefinition } from './types';
import { useLessonController } from './use-lesson-controller';
import { stepDone } from './use-lesson-actor';
import { useEmbedApi } from './use-embed-api';
import type { LessonMode } from './lesson-page';
import type { MachineView } from '../../worker';

interface Props {
  lesson: LessonDefinition;
  session: SimSession;
  startup: LessonStartup;
  mode: LessonMode;
  machines: readonly MachineView[];
  onReset(): void;
}

/** The lesson around a running session: step, goals, quiz, controls, metrics, statecharts, experiment. */
export function LessonView({ lesson, session, startup, mode, machines, onReset }: Props) {
  const [problems, setProblems] = useState<string[]>(startup.problems);
  const addProblem = useCallback(
    (text: string) => setProblems((p) => (p.includes(text) ? p : [...p, text])),
    [],
  );
  const c = useLessonController(lesson, session, startup, addProblem);
  const simState = useUiStore((s) => s.simState);
  const ctx = c.lessonState.context;
  const presenter = mode === 'present';
  useEmbedApi(mode === 'embed', lesson, session, c.actor);

  const unlocked = useMemo(
    () =>
      new Set(lesson.steps.filter((s) => ctx.met.includes(s.id)).flatMap((s) => s.unlocks ?? [])),
    [lesson, ctx.met],
  );
  const offered = lesson.quiz.filter(
    (q) =>
      presenter || !q.afterStep || ctx.met.includes(q.afterStep) || Object.hasOwn(c.quiz, q.id),
  );
  const score = scoreQuiz(lesson.quiz, c.quiz);
  const fastForwarding = useUiStore((s) => s.fastForward !== null);
  const busy = simState !== 'ready' || c.restoring !== null || fastForwarding;

  const predict = async (itemId: string, choiceId: string): Promise<Observation[] | string> => {
    const item = lesson.quiz.find((q) => q.id === itemId);
    if (!item || item.kind !== 'predict') return 'This question has no simulation to run.';
    const before = { ...(useUiStore.getState().snapshot?.metrics ?? {}) };
    const err = await c.act(item.actions);
    if (err) return `The simulator refused the question’s setup: ${err}`;
    await session.fastForward(item.runUs);
    const after = useUiStore.getState().snapshot?.metrics ?? {};
    c.answer(itemId, choiceId);
    return item.observe
      .filter((m) => m in after)
      .map((m) => {
        const info = metricInfo(m);
        return {
          metric: m,
          label: info.name,
          before: m in before ? formatMetricValue(before[m]!, info.unit) : '—',
          after: formatMetricValue(after[m]!, info.unit),
        };
      });
  };

  const experiment = lesson.experiment;
  return (
    <>
      {mode === 'embed' ? <h1 className="visually-hidden">{lesson.title}</h1> : null}
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
        toolbar={
          <LessonToolbar
            canStepBack={session.client.log.length > 0}
            busy={busy}
            onStepBack={c.stepBack}
            onShare={c.share}
            onReset={onReset}
            onRunAhead={(us) => session.fastForward(us)}
          />
        }
        lesson={
          <>
            <LessonPanel
              steps={lesson.steps}
              index={ctx.index}
              goalMet={stepDone(c.lessonState)}
              hintsShown={ctx.hintsShown}
              onNext={() => c.actor.send({ type: 'NEXT' })}
              onPrev={() => c.actor.send({ type: 'PREV' })}
              onHint={() => c.actor.send({ type: 'HINT' })}
              completeText={`You met ${ctx.met.length} of ${lesson.steps.length} goals. Explore freely, try the quiz, or compare strategies in the experiment below.`}
            />
            <GoalList
              steps={lesson.steps}
              met={ctx.met}
              index={ctx.index}
              onJump={presenter ? (i) => c.actor.send({ type: 'GOTO', index: i }) : undefined}
            />
          </>
        }
        quiz={
          <>
            {mode === 'embed' ? null : (
              <QuizPanel
                items={offered}
                answers={c.quiz}
                onAnswer={c.answer}
                onPredict={predict}
                presenter={presenter}
                score={score}
              />
            )}
          </>
        }
        main={
          <>
            <ControlPanel
              groups={lesson.controls}
              values={c.values}
              buttons={lesson.buttons}
              disabled={busy}
              onApply={c.applyGroup}
              onButton={c.pressButton}
            />
            <MetricsPanel preferred={lesson.keyMetrics} limit={mode === 'embed' ? 6 : undefined} />
            {mode === 'embed'
              ? null
              : machines.map((m) => <StatechartView key={m.id} machine={m} />)}
          </>
        }
        lower={
          <>
            {lesson.consoles && lesson.consoles.length > 0 && mode !== 'embed' ? (
              <ConsolesPanel targets={lesson.consoles} session={session} />
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

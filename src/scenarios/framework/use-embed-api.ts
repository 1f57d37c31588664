import { useEffect, useRef } from 'react';
import { useUiStore, type SimSession } from '../../ui';
import type { EmbedEvent } from './embed-api';
import {
  announceReady,
  embedMessageListener,
  postToHost,
  stateChangeReporter,
  type EmbedChannel,
  type LessonPart,
} from './embed-channel';
import type { EmbedParams } from './embed-params';
import {
  goalStatement,
  lessonScore,
  lessonStatement,
  quizStatement,
  scenarioIri,
} from './embed-xapi';
import { isCorrect, scoreQuiz } from './quiz';
import type { LessonDefinition } from './types';
import type { LessonActor } from './use-lesson-actor';

export interface EmbedApiInput {
  lesson: LessonDefinition;
  session: SimSession;
  actor: LessonActor;
  params: EmbedParams;
  seed: number;
  quiz: Readonly<Record<string, string>>;
  onReset: () => void;
  /** The simulation is loaded and idle enough to take commands. */
  live: boolean;
}

/**
 * Embed mode's postMessage API v1 (embed-api.ts judges each message; docs/embedding.md lists
 * them): commands from the host page, events to it — ready, state changes, goals, quiz answers,
 * the lesson's result with xAPI statements — and the frame's height for auto-resize.
 */
export function useEmbedApi(enabled: boolean, input: EmbedApiInput): void {
  const latest = useRef(input);
  latest.current = input;
  const { lesson, session, actor, params, seed } = input;
  const rejected = useRef(0);
  // The effect re-runs when the lesson actor starts (use-lesson-actor.ts): one ready per session.
  const announced = useRef(false);
  const emitQuiz = useRef<(answers: Readonly<Record<string, string>>) => void>(() => {});
  const channel = useRef<EmbedChannel | null>(null);

  useEffect(() => {
    if (!enabled || window.parent === window) return;
    const allowed = params.parentOrigins;
    const iri = scenarioIri(window.location.href, lesson.scenario);
    const common = { iri, title: lesson.title, seed };

    const post = (msg: EmbedEvent, to?: string) => postToHost(allowed, msg, to);
    const lessonPart = (): LessonPart => {
      const ctx = actor.getSnapshot().context;
      const answers = latest.current.quiz;
      return {
        step: ctx.index + 1,
        steps: lesson.steps.length,
        met: [...ctx.met],
        skipped: [...ctx.skipped],
        quiz: scoreQuiz(lesson.quiz, answers),
        progress: { step: ctx.index, met: [...ctx.met], quiz: { ...answers } },
      };
    };
    const ch: EmbedChannel = {
      allowed,
      scenario: lesson.scenario,
      session,
      reset: () => latest.current.onReset(),
      goto: (step) => actor.send({ type: 'GOTO', index: step - 1 }),
      lesson: lessonPart,
      rejected,
    };
    channel.current = ch;
    const onMessage = embedMessageListener(ch);

    // Goals, completion and state changes, from the lesson machine.
    let met = actor.getSnapshot().context.met.length;
    let completed = false;
    const changed = stateChangeReporter(
      ch,
      (s) => `${s.step}|${s.met.join()}|${s.playing}|${s.speed}`,
    );
    const sub = actor.subscribe((snap) => {
      const ctx = snap.context;
      for (const goalId of ctx.met.slice(met)) {
        const index = lesson.steps.findIndex((s) => s.id === goalId);
        const step = lesson.steps[index];
        post({
          type: 'ecsim.v1.goalCompleted',
          scenario: lesson.scenario,
          goalId,
          step: index + 1,
          statement: goalStatement(common, goalId, step?.title ?? goalId),
        });
      }
      met = ctx.met.length;
      if (!completed && ctx.index >= lesson.steps.length) {
        completed = true;
        const quiz = scoreQuiz(lesson.quiz, latest.current.quiz);
        const goalsMet = ctx.met.filter((m) => lesson.steps.some((s) => s.id === m)).length;
        const score = lessonScore(goalsMet, lesson.steps.length, quiz.correct, quiz.total);
        post({
          type: 'ecsim.v1.lessonCompleted',
          scenario: lesson.scenario,
          score,
          statement: lessonStatement(
            common,
            score,
            goalsMet === lesson.steps.length && ctx.skipped.length === 0,
          ),
        });
      }
      changed();
    });
    const unPlaying = useUiStore.subscribe((s, prev) => {
      if (s.playing !== prev.playing || s.speed !== prev.speed) changed();
    });

    let answered = { ...latest.current.quiz };
    emitQuiz.current = (answers) => {
      for (const [itemId, choiceId] of Object.entries(answers)) {
        if (answered[itemId] === choiceId) continue;
        const item = lesson.quiz.find((q) => q.id === itemId);
        if (!item) continue;
        const correct = isCorrect(item, choiceId);
        post({
          type: 'ecsim.v1.quizAnswered',
          scenario: lesson.scenario,
          itemId,
          choiceId,
          correct,
          statement: quizStatement(common, itemId, item.prompt, choiceId, correct),
        });
      }
      answered = { ...answers };
    };

    window.addEventListener('message', onMessage);
    changed();
    return () => {
      window.removeEventListener('message', onMessage);
      sub.unsubscribe();
      unPlaying();
      emitQuiz.current = () => {};
      channel.current = null;
    };
  }, [enabled, lesson, session, actor, params, seed]);

  useEffect(() => emitQuiz.current(input.quiz), [input.quiz]);

  // Ready once the simulation has loaded (and any saved run is rebuilt): commands work from then.
  useEffect(() => {
    if (!enabled || !input.live || announced.current || !channel.current) return;
    announced.current = true;
    announceReady(channel.current, lesson.title);
  }, [enabled, input.live, lesson, params]);
}

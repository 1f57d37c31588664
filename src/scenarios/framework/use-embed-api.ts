import { useEffect } from 'react';
import { useUiStore, type SimSession } from '../../ui';
import { parseEmbedCommand, type EmbedEvent } from './embed-api';
import type { LessonDefinition } from './types';
import type { LessonActor } from './use-lesson-actor';

/**
 * Embed mode's postMessage API: commands from the host page (any origin, strictly validated),
 * events to it (ready, goal met, state). See src/ui/lesson/README.md.
 */
export function useEmbedApi(
  enabled: boolean,
  lesson: LessonDefinition,
  session: SimSession,
  actor: LessonActor,
): void {
  useEffect(() => {
    if (!enabled || window.parent === window) return;
    const post = (target: MessageEventSource | Window, msg: EmbedEvent) =>
      (target as Window).postMessage(msg, '*');
    const state = (): EmbedEvent => {
      const ctx = actor.getSnapshot().context;
      const snap = useUiStore.getState().snapshot;
      return {
        type: 'ecsim.state',
        scenario: lesson.scenario,
        step: ctx.index,
        met: [...ctx.met],
        nowUs: snap?.now ?? 0,
        traceHash: snap?.traceHash ?? '',
        metrics: { ...(snap?.metrics ?? {}) },
      };
    };
    const onMessage = (e: MessageEvent) => {
      // Only the embedding page talks to us; our own posts and other frames are not commands.
      if (e.source !== window.parent) return;
      const parsed = parseEmbedCommand(e.data, lesson.steps.length);
      if (!parsed.ok) {
        console.warn('[embed] ignored a message:', parsed.reason);
        post(window.parent, { type: 'ecsim.rejected', reason: parsed.reason });
        return;
      }
      const cmd = parsed.command;
      switch (cmd.type) {
        case 'ecsim.play':
          void session.play();
          return;
        case 'ecsim.pause':
          void session.pause();
          return;
        case 'ecsim.step':
          void session.step();
          return;
        case 'ecsim.getState':
          post(window.parent, state());
          return;
        case 'ecsim.goto':
          actor.send({ type: 'GOTO', index: cmd.step });
          post(window.parent, state());
          return;
        case 'ecsim.act':
          void session
            .act(cmd.action)
            .then((error) =>
              post(
                window.parent,
                error
                  ? { type: 'ecsim.actResult', ok: false, error }
                  : { type: 'ecsim.actResult', ok: true },
              ),
            );
          return;
      }
    };
    let met = actor.getSnapshot().context.met.length;
    const sub = actor.subscribe((s) => {
      for (const goalId of s.context.met.slice(met))
        post(window.parent, { type: 'ecsim.goalMet', scenario: lesson.scenario, goalId });
      met = s.context.met.length;
    });
    window.addEventListener('message', onMessage);
    post(window.parent, {
      type: 'ecsim.ready',
      scenario: lesson.scenario,
      steps: lesson.steps.length,
    });
    return () => {
      window.removeEventListener('message', onMessage);
      sub.unsubscribe();
    };
  }, [enabled, lesson, session, actor]);
}

import { useEffect, useRef } from 'react';
import { useUiStore, type SimSession } from '../../ui';
import {
  announceReady,
  embedMessageListener,
  noLesson,
  stateChangeReporter,
  type EmbedChannel,
} from './embed-channel';
import type { EmbedParams } from './embed-params';

export interface EmbedSandboxInput {
  /** The running sandbox, once its workspace has one. */
  session: SimSession | null;
  scenario: string;
  title: string;
  params: EmbedParams;
  /** Starts the system over from its seed (the page remounts its workspace). */
  onReset: () => void;
}

/**
 * The postMessage API in the embedded sandbox (docs/embedding.md "The sandbox"): the lessons'
 * commands where they apply — get state, play, pause, step, reset, set speed, act — with the
 * same checks (embed-channel.ts); `goto` is refused, the sandbox has no steps. Events: ready,
 * state changes (playing, speed), results and refusals; no goals, quiz or score.
 */
export function useEmbedSandbox(enabled: boolean, input: EmbedSandboxInput): void {
  const latest = useRef(input);
  latest.current = input;
  const { session, scenario, title, params } = input;
  const rejected = useRef(0);
  const announced = useRef(false);
  const started = useRef(false);

  useEffect(() => {
    if (!enabled || !session || window.parent === window) return;
    const ch: EmbedChannel = {
      allowed: params.parentOrigins,
      scenario,
      session,
      reset: () => latest.current.onReset(),
      goto: null,
      lesson: noLesson,
      rejected,
    };
    const onMessage = embedMessageListener(ch);
    const changed = stateChangeReporter(ch, (s) => `${s.playing}|${s.speed}`);
    // Ready once the system has loaded: commands work from then. The URL's speed is set first.
    const whenReady = () => {
      if (useUiStore.getState().simState !== 'ready') return;
      if (!started.current) {
        started.current = true;
        if (params.speed !== null && useUiStore.getState().speed !== params.speed)
          void session.setSpeed(params.speed);
      }
      if (announced.current) return;
      announced.current = true;
      announceReady(ch, title);
    };
    const unsubscribe = useUiStore.subscribe((s, prev) => {
      if (s.simState !== prev.simState) whenReady();
      if (s.playing !== prev.playing || s.speed !== prev.speed) changed();
    });
    window.addEventListener('message', onMessage);
    whenReady();
    changed();
    return () => {
      window.removeEventListener('message', onMessage);
      unsubscribe();
    };
  }, [enabled, session, scenario, title, params]);
}

import { useEffect, useRef } from 'react';
import { browserStorage, useUiStore, type SimSession } from '../../ui';
import type { EmbedCommand, EmbedState } from './embed-api';
import { embedMessageListener, postToHost } from './embed-channel';
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
    const allowed = params.parentOrigins;
    const state = (): EmbedState => {
      const ui = useUiStore.getState();
      const snap = ui.snapshot;
      return {
        scenario,
        step: 0,
        steps: 0,
        met: [],
        skipped: [],
        playing: ui.playing,
        speed: ui.speed,
        nowUs: snap?.now ?? 0,
        eventsProcessed: snap?.eventsProcessed ?? 0,
        traceHash: snap?.traceHash ?? '',
        metrics: { ...(snap?.metrics ?? {}) },
        quiz: { answered: 0, correct: 0, total: 0 },
        rejected: rejected.current,
        saved: browserStorage().persistent,
        progress: {
          step: 0,
          met: [],
          quiz: {},
          sim: snap ? { seed: snap.seed, untilUs: snap.now, log: [...session.client.log] } : null,
        },
      };
    };
    const run = async (cmd: EmbedCommand): Promise<string | null> => {
      switch (cmd.type) {
        case 'getState':
          return null;
        case 'play':
          await session.play();
          return null;
        case 'pause':
          await session.pause();
          return null;
        case 'step':
          await session.step();
          return null;
        case 'reset':
          latest.current.onReset();
          return null;
        case 'goto':
          // The schema refuses goto where there are no steps; this is its second line.
          return 'The sandbox has no steps.';
        case 'setSpeed':
          await session.setSpeed(cmd.speed);
          return null;
        case 'act':
          return session.act(cmd.action);
      }
    };
    const onMessage = embedMessageListener({ allowed, stepCount: 0, run, state, rejected });

    let last = '';
    const changed = () => {
      const s = state();
      const key = `${s.playing}|${s.speed}`;
      if (key === last) return;
      last = key;
      postToHost(allowed, { type: 'ecsim.v1.stateChanged', ...s });
    };
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
      postToHost(allowed, {
        type: 'ecsim.v1.ready',
        version: 1,
        scenario,
        title,
        steps: 0,
        readOnly: allowed.length === 0,
      });
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

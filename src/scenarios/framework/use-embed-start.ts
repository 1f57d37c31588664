import { useEffect, useRef } from 'react';
import { useUiStore, type SimSession } from '../../ui';
import type { EmbedParams } from './embed-params';
import type { LessonActor } from './use-lesson-actor';

/**
 * Applies the embed URL's starting point once the simulation is ready (and any saved run is
 * rebuilt): the step to open at, the speed, and autoplay. Once only: later changes are the
 * student's or the host's.
 */
export function useEmbedStart(
  params: EmbedParams | null,
  session: SimSession,
  actor: LessonActor,
  ready: boolean,
): void {
  const done = useRef(false);
  useEffect(() => {
    if (!params || !ready || done.current) return;
    done.current = true;
    if (params.step !== null) actor.send({ type: 'GOTO', index: params.step - 1 });
    void (async () => {
      if (params.speed !== null && useUiStore.getState().speed !== params.speed)
        await session.setSpeed(params.speed);
      if (params.autoplay) await session.play();
    })();
  }, [params, session, actor, ready]);
}

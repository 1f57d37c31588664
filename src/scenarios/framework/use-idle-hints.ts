/**
 * Hints for a student who is stuck (README.md, "Hints"): the next hint appears after the step's
 * idle wall time with no action, or once twice the step's window of virtual time has passed
 * without one (a student fast-forwarding without acting is stuck too) — whichever comes first.
 * Any action, step change or hint restarts both counts.
 */
import { useEffect, useRef } from 'react';
import { useUiStore } from '../../ui';
import { DEFAULT_HINT_DELAY_MS } from './lesson.machine';
import type { StepDefinition } from './types';
import type { LessonActor } from './use-lesson-actor';

const CHECK_EVERY_MS = 1_000;
/** At least this much virtual time before an idle hint on virtual time alone. */
const MIN_IDLE_VIRTUAL_US = 20_000_000;

export function idleVirtualUs(step: StepDefinition): number {
  return Math.max(MIN_IDLE_VIRTUAL_US, 2 * step.showMe.windowUs);
}

export function useIdleHints(
  actor: LessonActor,
  step: StepDefinition | undefined,
  index: number,
  hintsShown: number,
  activity: number,
): void {
  const since = useRef({ wall: 0, virtual: 0 });
  useEffect(() => {
    since.current = {
      wall: performance.now(),
      virtual: useUiStore.getState().snapshot?.now ?? 0,
    };
  }, [index, hintsShown, activity]);
  useEffect(() => {
    if (!step) return;
    const wallMs = step.hintDelayMs ?? DEFAULT_HINT_DELAY_MS;
    const virtualUs = idleVirtualUs(step);
    const id = window.setInterval(() => {
      const now = useUiStore.getState().snapshot?.now ?? 0;
      const idleWall = performance.now() - since.current.wall;
      const idleVirtual = now - since.current.virtual;
      if (idleWall >= wallMs || idleVirtual >= virtualUs) actor.send({ type: 'HINT' });
    }, CHECK_EVERY_MS);
    return () => window.clearInterval(id);
  }, [actor, step]);
}

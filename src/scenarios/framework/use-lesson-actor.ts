import { useEffect, useRef, useState } from 'react';
import { createActor, type SnapshotFrom } from 'xstate';
import { buildLessonMachine } from './lesson.machine';
import type { StepDefinition } from './types';

type LessonMachine = ReturnType<typeof buildLessonMachine>;
export type LessonActor = ReturnType<typeof createActor<LessonMachine>>;
export type LessonSnapshot = SnapshotFrom<LessonMachine>;

/**
 * Runs the lesson machine while the component is mounted and re-renders on each transition.
 * The running actor is made in the effect (a stopped actor cannot be restarted, and StrictMode
 * mounts twice); the first render reads the initial snapshot of an unstarted one.
 */
export function useLessonActor(
  steps: readonly StepDefinition[],
  met: readonly string[],
  index: number,
): [LessonActor, LessonSnapshot] {
  const input = useRef({ steps, met, index });
  const [machine] = useState(() => buildLessonMachine(steps));
  const [actor, setActor] = useState(() => createActor(machine, { input: input.current }));
  const [snapshot, setSnapshot] = useState(() => actor.getSnapshot());
  useEffect(() => {
    const running = createActor(machine, { input: input.current });
    const sub = running.subscribe(setSnapshot);
    running.start();
    setActor(running);
    setSnapshot(running.getSnapshot());
    return () => {
      sub.unsubscribe();
      running.stop();
    };
  }, [machine]);
  return [actor, snapshot];
}

/** Whether the current step's goal is met (the machine is in its `done` sub-state). */
export function stepDone(snapshot: LessonSnapshot): boolean {
  const v = snapshot.value;
  return typeof v === 'object' && Object.values(v).includes('done');
}

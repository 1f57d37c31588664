import { useEffect, useState } from 'react';
import { createActor, type SnapshotFrom } from 'xstate';
import { buildLessonMachine } from './lesson.machine';
import type { StepDefinition } from './types';

type LessonMachine = ReturnType<typeof buildLessonMachine>;
export type LessonActor = ReturnType<typeof createActor<LessonMachine>>;
export type LessonSnapshot = SnapshotFrom<LessonMachine>;

/** Runs the lesson machine for the component's lifetime and re-renders on each transition. */
export function useLessonActor(
  steps: readonly StepDefinition[],
  met: readonly string[],
  index: number,
): [LessonActor, LessonSnapshot] {
  const [actor] = useState(() =>
    createActor(buildLessonMachine(steps), { input: { steps, met, index } }),
  );
  const [snapshot, setSnapshot] = useState(() => actor.getSnapshot());
  useEffect(() => {
    const sub = actor.subscribe(setSnapshot);
    actor.start();
    setSnapshot(actor.getSnapshot());
    return () => {
      sub.unsubscribe();
      actor.stop();
    };
  }, [actor]);
  return [actor, snapshot];
}

/** Whether the current step's goal is met (the machine is in its `done` sub-state). */
export function stepDone(snapshot: LessonSnapshot): boolean {
  const v = snapshot.value;
  return typeof v === 'object' && Object.values(v).includes('done');
}

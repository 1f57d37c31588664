/**
 * The rules a lecture follows (src/scenarios/framework/README.md, "Lectures"), checked without
 * a simulation: src/scenarios/lecture-contract.test.ts runs them over every registered lecture,
 * then walks each one on its real model.
 */
import type { LectureDefinition } from './lecture-types';

export const LECTURE_LIMITS = {
  /** Read from the back of a room in one breath. */
  captionChars: 160,
  /** Keys 1–9. */
  faults: 9,
  choices: { min: 2, max: 5 },
  /** One run line: longer waits belong in several slides (the room is watching). */
  runSeconds: 3_600,
} as const;

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Every problem found, as sentences naming the slide; empty when the lecture is well-formed. */
export function checkLecture(lecture: LectureDefinition): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(lecture.seed) || lecture.seed < 0 || lecture.seed > 0xffff_ffff)
    problems.push('the seed is not a whole number from 0 to 4294967295');
  if (lecture.slides.length === 0) problems.push('the lecture has no slides');
  const ids = new Set<string>();
  lecture.slides.forEach((slide, i) => {
    const at = `slide ${i + 1} (${slide.id})`;
    if (!ID.test(slide.id)) problems.push(`${at}: the id is not kebab-case`);
    if (ids.has(slide.id)) problems.push(`${at}: the id is used twice`);
    ids.add(slide.id);
    if (slide.title.trim() === '') problems.push(`${at}: no title`);
    if (slide.caption.trim() === '') problems.push(`${at}: no caption`);
    if (slide.caption.length > LECTURE_LIMITS.captionChars)
      problems.push(
        `${at}: the caption has ${slide.caption.length} characters, more than ${LECTURE_LIMITS.captionChars}`,
      );
    if (slide.notes.length === 0) problems.push(`${at}: no speaker notes`);
    for (const step of slide.script) {
      if (step.kind === 'run' && !(step.seconds > 0 && step.seconds <= LECTURE_LIMITS.runSeconds))
        problems.push(`${at}: a run of ${step.seconds} s (from 0 to ${LECTURE_LIMITS.runSeconds})`);
    }
    const faults = slide.faults ?? [];
    if (faults.length > LECTURE_LIMITS.faults)
      problems.push(`${at}: ${faults.length} faults, more than keys 1–9`);
    for (const f of faults) {
      if (f.actions.length === 0) problems.push(`${at}: the fault "${f.label}" does nothing`);
      if (f.label.trim() === '' || f.description.trim() === '')
        problems.push(`${at}: a fault without a label or description`);
    }
    const q = slide.question;
    if (q) {
      const { min, max } = LECTURE_LIMITS.choices;
      if (q.choices.length < min || q.choices.length > max)
        problems.push(`${at}: the question has ${q.choices.length} choices (${min}–${max})`);
      if (!Number.isInteger(q.answer) || q.answer < 0 || q.answer >= q.choices.length)
        problems.push(`${at}: the answer is not one of the choices`);
      if (q.why.trim() === '') problems.push(`${at}: the answer has no explanation`);
    }
  });
  return problems;
}

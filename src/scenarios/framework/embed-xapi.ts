/**
 * xAPI-shaped statements for the embed frame's result events, so an LMS plugin can forward
 * them to its Learning Record Store. The frame does not know the learner: `actor` is left to
 * the host (xAPI 1.0.3 §2.4.2 makes it required, so the host adds it before sending). Verb IRIs
 * are ADL's registered ones (https://registry.tincanapi.com). Statement shape per xAPI 1.0.3
 * (https://github.com/adlnet/xAPI-Spec/blob/master/xAPI-Data.md#statements).
 */
export interface XapiStatement {
  verb: { id: string; display: { 'en-US': string } };
  object: {
    objectType: 'Activity';
    id: string;
    definition: { name: { 'en-US': string }; type: string };
  };
  result?: {
    success?: boolean;
    completion?: boolean;
    score?: { scaled: number; raw: number; min: number; max: number };
    response?: string;
  };
  context: { extensions: Record<string, string | number> };
}

const ADL = 'http://adlnet.gov/expapi';
const VERBS = {
  completed: `${ADL}/verbs/completed`,
  answered: `${ADL}/verbs/answered`,
} as const;
const TYPES = {
  lesson: `${ADL}/activities/lesson`,
  objective: `${ADL}/activities/objective`,
  question: `${ADL}/activities/cmi.interaction`,
} as const;

/**
 * The scenario's IRI: the app's own address (without the hash) + `scenarios/<id>`, stable
 * across seeds and modes so an LRS groups every run of one lesson.
 */
export function scenarioIri(appBase: string, scenario: string): string {
  const base = appBase
    .split('#')[0]!
    .split('?')[0]!
    .replace(/[^/]*$/, '');
  return `${base}scenarios/${encodeURIComponent(scenario)}`;
}

interface Common {
  iri: string;
  title: string;
  seed: number;
}

const ext = (c: Common) => ({ extensions: { [`${c.iri}/seed`]: c.seed } });

export function goalStatement(c: Common, goalId: string, goalTitle: string): XapiStatement {
  return {
    verb: { id: VERBS.completed, display: { 'en-US': 'completed' } },
    object: {
      objectType: 'Activity',
      id: `${c.iri}/goals/${encodeURIComponent(goalId)}`,
      definition: { name: { 'en-US': goalTitle }, type: TYPES.objective },
    },
    result: { success: true, completion: true },
    context: ext(c),
  };
}

export function quizStatement(
  c: Common,
  itemId: string,
  question: string,
  choiceId: string,
  correct: boolean,
): XapiStatement {
  return {
    verb: { id: VERBS.answered, display: { 'en-US': 'answered' } },
    object: {
      objectType: 'Activity',
      id: `${c.iri}/quiz/${encodeURIComponent(itemId)}`,
      definition: { name: { 'en-US': question }, type: TYPES.question },
    },
    result: { success: correct, response: choiceId },
    context: ext(c),
  };
}

/**
 * The lesson's result: goals the student met themselves (skipped ones count zero) plus quiz
 * items answered right, over steps + quiz items. `success` = every goal met, none skipped.
 */
export function lessonScore(
  goalsMet: number,
  steps: number,
  quizCorrect: number,
  quizTotal: number,
): { raw: number; max: number; scaled: number } {
  const raw = goalsMet + quizCorrect;
  const max = steps + quizTotal;
  return { raw, max, scaled: max === 0 ? 0 : Math.round((raw / max) * 10_000) / 10_000 };
}

export function lessonStatement(
  c: Common,
  score: { raw: number; max: number; scaled: number },
  allGoalsMet: boolean,
): XapiStatement {
  return {
    verb: { id: VERBS.completed, display: { 'en-US': 'completed' } },
    object: {
      objectType: 'Activity',
      id: c.iri,
      definition: { name: { 'en-US': c.title }, type: TYPES.lesson },
    },
    result: {
      success: allGoalsMet,
      completion: true,
      score: { scaled: score.scaled, raw: score.raw, min: 0, max: score.max },
    },
    context: ext(c),
  };
}

export type * from './types';
export {
  createGoalTracker,
  LessonGoals,
  compare,
  type GoalInput,
  type GoalTarget,
  type GoalTracker,
} from './goals';
export { goalMetrics } from './goal-spec';
export {
  buildLessonMachine,
  DEFAULT_HINT_DELAY_MS,
  hintCount,
  type LessonContext,
  type LessonEvent,
  type LessonInput,
} from './lesson.machine';
export {
  loadProgress,
  saveProgress,
  clearProgress,
  emptyProgress,
  progressKey,
  PROGRESS_VERSION,
  type LessonProgress,
  type LoadedProgress,
  type ProgressStorage,
} from './progress-store';
export {
  encodeShareLink,
  decodeShareLink,
  shareParamFromHash,
  ShareLinkError,
  SHARE_PARAM,
  SHARE_VERSION,
  MAX_LINK_CHARS,
  type SharedState,
  type ShareLinkProblem,
} from './share-link';
export { scoreQuiz, isCorrect, assertQuizWellFormed, type QuizScore } from './quiz';
export { arrangeQuiz } from './quiz-order';
export { periodValues, type PeriodValue } from './prediction';
export { unknownActionTypes, LIMITS } from './validate';
export { crc32, crc32Hex } from './checksum';
export { LessonPage, type LessonPageProps, type LessonMode } from './lesson-page';
export { resolveStartup, type LessonStartup } from './startup';
export {
  parseEmbedCommand,
  type EmbedCommand,
  type EmbedEvent,
  type EmbedState,
} from './embed-api';
export { parseEmbedParams, type EmbedParams, type ParamProblem } from './embed-params';
export { controlValues } from './controls';
export { LessonRoute, type LessonRouteProps } from './lesson-route';
export { parseSandboxEmbedParams, type SandboxEmbedParams } from './embed-sandbox-params';
export { EmbedParamProblems } from './embed-param-problems';
export { useEmbedSandbox, type EmbedSandboxInput } from './use-embed-sandbox';
export { useEmbedResize } from './use-embed-resize';

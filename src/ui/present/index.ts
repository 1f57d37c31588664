export {
  act,
  run,
  type LectureDefinition,
  type SlideDefinition,
  type ScriptStep,
  type PreparedFault,
  type SlideQuestion,
} from './lecture-types';
export {
  planFor,
  runPlan,
  scriptedLog,
  stepsThrough,
  parseSlideParam,
  US_PER_SECOND,
  type LectureRunner,
  type LecturePosition,
  type MovePlan,
} from './lecture-script';
export { checkLecture, LECTURE_LIMITS } from './lecture-check';
export {
  parsePresentMessage,
  channelName,
  PRESENT_PROTOCOL,
  type SharedState,
  type AudienceStatus,
  type PresentCommand,
  type PresentMessage,
  type PresentRole,
} from './sync-protocol';
export { AudienceWindow, PresenterWindow, type PresentWindowProps } from './present-windows';

export { multiAzFailoverLesson } from './lesson';
export { multiAzFailoverLecture } from './lecture';

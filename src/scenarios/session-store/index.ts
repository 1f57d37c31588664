export { sessionStoreLesson } from './lesson';
export { sessionStoreLecture } from './lecture';

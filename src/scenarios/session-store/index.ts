export { sessionStoreLesson } from './lesson';

export { dbCacheLesson } from './lesson';

export { dbCacheLesson } from './lesson';
export { dbCacheLecture } from './lecture';

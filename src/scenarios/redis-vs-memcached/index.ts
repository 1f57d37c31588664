export { redisVsMemcachedLesson } from './lesson';
export { redisVsMemcachedLecture } from './lecture';

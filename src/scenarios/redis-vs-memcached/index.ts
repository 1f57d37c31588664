export { redisVsMemcachedLesson } from './lesson';

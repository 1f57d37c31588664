export { multiAzFailoverLesson } from './lesson';

export { sort, sortRo } from './sort';

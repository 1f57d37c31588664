import { browserStorage, prefixedStore, type KeyValueStore } from '../../ui';
import type { LessonMode } from './lesson-page';

/**
 * Where a lesson's progress is kept. An embedded frame keeps its own (keys prefixed `embed:`):
 * a same-site embed — the Embed dialog's preview, a course on the simulator's own site — must
 * not overwrite, nor resume, the student's progress in the full app.
 */
export function progressStore(mode: LessonMode): KeyValueStore {
  const { store } = browserStorage();
  return mode === 'embed' ? prefixedStore(store, 'embed:') : store;
}

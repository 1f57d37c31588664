export { SimSession } from './sim-session';
export { TraceFeed, type FeedListener } from './trace-feed';
export {
  SimSessionContext,
  useSimSession,
  useSimSessionLifecycle,
  type SessionOptions,
} from './session-context';

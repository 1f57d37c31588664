import { setup } from 'xstate';

/**
 * A cache-fronted request's lifecycle, as AWS's caching strategies describe it
 * (docs/aws/caching-strategies.md): a hit returns from the cache; a miss costs
 * three trips (cache, database, cache write); a write goes to the database and then updates or
 * invalidates the cache. The model sends one event per hop of the request it follows; the
 * statechart the student sees is this definition.
 */
export type LifecycleEvent =
  | { type: 'request.read' }
  | { type: 'request.write' }
  | { type: 'cache.hit' }
  | { type: 'cache.miss' }
  | { type: 'cache.unavailable' }
  | { type: 'db.rows' }
  | { type: 'cache.populate' }
  | { type: 'db.written' }
  | { type: 'cache.update' }
  | { type: 'cache.invalidate' }
  | { type: 'cache.done' }
  | { type: 'response.sent' };

export const requestLifecycleMachine = setup({
  types: { events: {} as LifecycleEvent },
}).createMachine({
  id: 'request',
  initial: 'waiting',
  states: {
    waiting: { on: { 'request.read': 'read', 'request.write': 'write' } },
    read: {
      initial: 'checkingCache',
      states: {
        checkingCache: {
          on: { 'cache.hit': 'hit', 'cache.miss': 'miss', 'cache.unavailable': 'miss' },
        },
        hit: {},
        miss: {
          initial: 'queryingDatabase',
          states: {
            queryingDatabase: { on: { 'db.rows': 'gotRows' } },
            gotRows: { on: { 'cache.populate': 'populatingCache' } },
            populatingCache: {},
          },
        },
      },
      on: { 'response.sent': 'done' },
    },
    write: {
      initial: 'writingDatabase',
      states: {
        writingDatabase: { on: { 'db.written': 'written' } },
        written: {
          on: { 'cache.update': 'updatingCache', 'cache.invalidate': 'invalidatingCache' },
        },
        updatingCache: {},
        invalidatingCache: {},
      },
      on: { 'response.sent': 'done' },
    },
    done: { on: { 'request.read': 'read', 'request.write': 'write' } },
  },
});

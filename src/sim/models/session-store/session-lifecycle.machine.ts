import { setup } from 'xstate';

/**
 * One followed user's session, as the app sees it (docs/aws/caching-strategies.md: one key per session with a
 * TTL that every request refreshes). The model sends one event per thing that happens to that
 * session; the statechart the student sees is this definition.
 *
 * - anonymous → logged in (authenticated): a login created a session.
 * - authenticated ⇄ idle: the user stopped clicking; a request before the TTL runs out brings
 *   the session back (and refreshes its TTL).
 * - logged in → expired: the TTL ran out (Redis expired the key, or the app's timeout).
 * - logged in → lost: the session's home went away while it was live (its instance
 *   terminated, the unreplicated cache node restarted, an AZ outage).
 * - any → anonymous on `request.rejected`: the next request found no session — the user is
 *   sent to the login page (for in-memory sessions routed to another instance this happens
 *   straight from authenticated).
 */
export type SessionEvent =
  | { type: 'login' }
  | { type: 'activity' }
  | { type: 'pause' }
  | { type: 'ttl.expired' }
  | { type: 'session.lost' }
  | { type: 'request.rejected' };

export const sessionLifecycleMachine = setup({
  types: { events: {} as SessionEvent },
}).createMachine({
  id: 'session',
  initial: 'anonymous',
  states: {
    anonymous: { on: { login: 'loggedIn' } },
    loggedIn: {
      initial: 'authenticated',
      states: {
        authenticated: { on: { pause: 'idle' } },
        idle: { on: { activity: 'authenticated' } },
      },
      on: {
        'ttl.expired': 'expired',
        'session.lost': 'lost',
        'request.rejected': 'anonymous',
      },
    },
    expired: { on: { 'request.rejected': 'anonymous' } },
    lost: { on: { 'request.rejected': 'anonymous' } },
  },
});

import { assign, setup } from 'xstate';

/**
 * One name in one app instance's DNS cache. A lookup with nothing fresh goes to the resolver;
 * the answer is kept for its TTL and every lookup until then gets the cached addresses, even
 * if the record has changed since — which is why a repointed primary endpoint reaches each
 * client only when that client's cached answer expires (docs/endpoints.md).
 *
 *   empty ──lookup──▶ resolving ──answer──▶ fresh ──(ttl)──▶ expired ──lookup──▶ resolving
 */
export type ResolverEntryEvent =
  | { type: 'lookup' }
  | { type: 'answer'; addresses: readonly string[]; ttlMs: number }
  | { type: 'nxdomain' };

export interface ResolverEntryContext {
  addresses: readonly string[];
  ttlMs: number;
}

export const resolverEntryMachine = setup({
  types: {
    context: {} as ResolverEntryContext,
    events: {} as ResolverEntryEvent,
  },
  actions: {
    keep: assign(({ event }) =>
      event.type === 'answer' ? { addresses: event.addresses, ttlMs: event.ttlMs } : {},
    ),
    forget: assign({ addresses: [] as readonly string[] }),
  },
  delays: { ttl: ({ context }) => context.ttlMs },
}).createMachine({
  id: 'resolver',
  initial: 'empty',
  context: { addresses: [], ttlMs: 0 },
  states: {
    empty: { on: { lookup: 'resolving' } },
    resolving: {
      on: {
        answer: { target: 'fresh', actions: 'keep' },
        nxdomain: { target: 'empty', actions: 'forget' },
      },
    },
    fresh: { after: { ttl: { target: 'expired', actions: 'forget' } } },
    expired: { on: { lookup: 'resolving' } },
  },
});

export type ResolverEntryState = 'empty' | 'resolving' | 'fresh' | 'expired';

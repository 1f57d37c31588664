import type { TraceEvent } from '../../trace';

/** One user request as the trace shows it: who, where the LB sent it, what came back. */
export interface TracedRequest {
  requestId: number;
  user: string;
  path: string;
  startedAt: number;
  instance: string | null;
  response: string | null;
  respondedAt: number | null;
}

/**
 * Rebuilds each request from the animated trace alone (the hop labels carry the user id and
 * the response), so tests and the lesson can check the model without reading its internals.
 */
export function readRequests(events: readonly TraceEvent[]): TracedRequest[] {
  const byId = new Map<number, TracedRequest>();
  for (const e of events) {
    if (e.kind !== 'msg.sent') continue;
    const { requestId, label } = e.payload;
    if (e.from === 'users' && e.to === 'lb') {
      const space = label.indexOf(' ');
      byId.set(requestId, {
        requestId,
        user: label.slice(0, space),
        path: label.slice(space + 1),
        startedAt: e.t,
        instance: null,
        response: null,
        respondedAt: null,
      });
    } else if (e.from === 'lb' && e.to.startsWith('app-')) {
      const r = byId.get(requestId);
      if (r) r.instance = e.to;
    } else if (e.from === 'lb' && e.to === 'users') {
      const r = byId.get(requestId);
      if (r) {
        r.response = label;
        r.respondedAt = e.payload.arriveAt;
      }
    }
  }
  return [...byId.values()];
}

/** Requests grouped by user, in the order the user sent them. */
export function byUser(requests: readonly TracedRequest[]): Map<string, TracedRequest[]> {
  const m = new Map<string, TracedRequest[]>();
  for (const r of requests) {
    let list = m.get(r.user);
    if (!list) m.set(r.user, (list = []));
    list.push(r);
  }
  return m;
}

export const isLoggedInResponse = (r: TracedRequest): boolean =>
  r.response?.startsWith('200') ?? false;
export const isSessionLost = (r: TracedRequest): boolean =>
  r.response === '302 /login (session lost)';
export const isSessionExpired = (r: TracedRequest): boolean =>
  r.response === '302 /login (session expired)';

import { encodeCommand, encodeReply, type Reply } from '../../../engine/redis/index';
import type { MemcachedResponse } from '../../cache/index';
import type { MemcachedClient, Outcome, RedisClient } from '../../clients/index';
import type { RandomStream } from '../../rng';
import type { ComparisonTable, RunRef } from './comparison';

export interface LeaderboardParams {
  /** Score updates in all, shared out over the workers. */
  updates: number;
  players: number;
  /** Concurrent updaters (each its own connection, as app threads have). */
  workers: number;
  /** Entries read back at the end (ZREVRANGE 0 top-1 WITHSCORES vs get of the whole list). */
  top: number;
}

/** One worker's connections to both systems. */
export interface LeaderboardWorker {
  memcached: MemcachedClient;
  redis: RedisClient;
  rng: RandomStream;
}

interface SideCount {
  roundTrips: number;
  bytes: number;
  failed: number;
}

type Board = [player: string, score: number][];

/**
 * The same score updates on both systems, concurrently from `workers` connections:
 * - Valkey: one `ZINCRBY` per update — the server adds to the member's score in the sorted set;
 * - Memcached: the leaderboard is one serialised list (JSON, sorted by score); an update is
 *   `gets`, change the list in the app, `cas` with the token — and when another worker wrote in
 *   between, `EXISTS` and start over (a CAS conflict). The first writer creates it with `add`.
 * Round trips, bytes on the wire (the requests and replies as each protocol writes them) and
 * CAS conflicts are counted; at the end each side's top entries are read back (ZREVRANGE …
 * WITHSCORES vs a get of the whole list) and the two boards compared. Row `leaderboard`.
 */
export function runLeaderboard(
  params: LeaderboardParams,
  workers: readonly LeaderboardWorker[],
  table: ComparisonTable,
  run: RunRef,
  done: () => void,
): void {
  const key = `leaderboard:${run.run}`;
  const redis: SideCount = { roundTrips: 0, bytes: 0, failed: 0 };
  const mc: SideCount = { roundTrips: 0, bytes: 0, failed: 0 };
  let conflicts = 0;
  let id = 0;
  let pending = workers.length * 2;

  const redisCall = (c: RedisClient, argv: string[], then: (r: Reply | null) => void) => {
    c.command(argv, ++id, (o) => {
      redis.roundTrips++;
      redis.bytes += encodeCommand(argv).length + (o.ok ? encodeReply(o.reply).length : 0);
      if (!o.ok || o.reply.kind === 'error') redis.failed++;
      then(o.ok ? o.reply : null);
    });
  };
  const mcCall = (
    send: (then: (o: Outcome<MemcachedResponse>) => void) => void,
    request: string,
    then: (r: MemcachedResponse | null) => void,
  ) => {
    const withCas = request.startsWith('gets ');
    send((o) => {
      mc.roundTrips++;
      mc.bytes += request.length + (o.ok ? memcachedReplyBytes(key, o.reply, withCas) : 0);
      if (!o.ok || o.reply.kind === 'error') mc.failed++;
      then(o.ok && o.reply.kind !== 'error' ? o.reply : null);
    });
  };

  const finish = () => {
    if (--pending > 0) return;
    const w = workers[0]!;
    redisCall(w.redis, ['zrevrange', key, '0', String(params.top - 1), 'withscores'], (r) => {
      const redisTop = r?.kind === 'array' ? pairs(r) : [];
      mcCall(
        (t) => w.memcached.get(key, ++id, t),
        `get ${key}\r\n`,
        (m) => {
          const mcTop =
            m?.kind === 'value' ? (JSON.parse(m.value) as Board).slice(0, params.top) : [];
          const agree = sameScores(redisTop, mcTop);
          const updates = workers.length === 0 ? 0 : params.updates;
          table.fill('leaderboard', 'redis', run, {
            LbUpdates: updates,
            LbRedisRoundTrips: redis.roundTrips,
            LbRedisBytes: redis.bytes,
            LbRedisFailed: redis.failed,
          });
          table.fill('leaderboard', 'memcached', run, {
            LbMcRoundTrips: mc.roundTrips,
            LbMcBytes: mc.bytes,
            LbMcCasConflicts: conflicts,
            LbMcFailed: mc.failed,
            LbBoardsAgree: agree ? 1 : 0,
          });
          done();
        },
      );
    });
  };

  workers.forEach((w, i) => {
    // The worker's share of the updates, drawn once and sent to both systems.
    const n =
      Math.floor(params.updates / workers.length) + (i < params.updates % workers.length ? 1 : 0);
    const updates = Array.from({ length: n }, () => ({
      player: `player:${w.rng.int(params.players) + 1}`,
      points: w.rng.between(1, 100),
    }));
    let r = 0;
    const nextRedis = (): void => {
      if (r >= updates.length) return finish();
      const u = updates[r++]!;
      redisCall(w.redis, ['zincrby', key, String(u.points), u.player], nextRedis);
    };
    let m = 0;
    const nextMc = (): void => {
      if (m >= updates.length) return finish();
      const u = updates[m]!;
      mcCall(
        (t) => w.memcached.gets(key, ++id, t),
        `gets ${key}\r\n`,
        (got) => {
          if (got === null) {
            m++; // the node did not answer: this update is lost (counted as failed)
            return nextMc();
          }
          const board: Board = got.kind === 'value' ? (JSON.parse(got.value) as Board) : [];
          const value = JSON.stringify(addScore(board, u.player, u.points));
          const store =
            got.kind === 'value'
              ? {
                  send: (t: (o: Outcome<MemcachedResponse>) => void) =>
                    w.memcached.cas(key, value, 0, got.cas, ++id, t),
                  line: `cas ${key} 0 0 ${value.length} ${got.cas}\r\n${value}\r\n`,
                }
              : {
                  send: (t: (o: Outcome<MemcachedResponse>) => void) =>
                    w.memcached.add(key, value, 0, ++id, t),
                  line: `add ${key} 0 0 ${value.length}\r\n${value}\r\n`,
                };
          mcCall(store.send, store.line, (res) => {
            if (res?.kind === 'ok' && res.line === 'STORED') m++;
            else if (res?.kind === 'ok')
              conflicts++; // EXISTS / NOT_STORED: someone wrote first
            else m++; // failed: lost
            nextMc();
          });
        },
      );
    };
    nextRedis();
    nextMc();
  });
}

/** The list with `points` added to `player`, sorted by score (highest first), then name. */
function addScore(board: Board, player: string, points: number): Board {
  const out = board.map(([p, s]): [string, number] => [p, p === player ? s + points : s]);
  if (!out.some(([p]) => p === player)) out.push([player, points]);
  out.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return out;
}

function pairs(r: Extract<Reply, { kind: 'array' }>): Board {
  const out: Board = [];
  for (let i = 0; i + 1 < r.items.length; i += 2) {
    const m = r.items[i]!;
    const s = r.items[i + 1]!;
    if (m.kind === 'bulk' && s.kind === 'bulk') out.push([m.value, Number(s.value)]);
  }
  return out;
}

/** Same scores in the same order (ties may list players in either order). */
function sameScores(a: Board, b: Board): boolean {
  if (a.length !== b.length) return false;
  return a.every(([, s], i) => s === b[i]![1]);
}

/** A reply's bytes as memcached's text protocol writes it. */
function memcachedReplyBytes(key: string, r: MemcachedResponse, withCas: boolean): number {
  switch (r.kind) {
    case 'value': {
      // gets adds the CAS token to the VALUE line; get does not.
      const cas = withCas ? ` ${r.cas}` : '';
      return `VALUE ${key} 0 ${r.value.length}${cas}\r\n${r.value}\r\nEND\r\n`.length;
    }
    case 'miss':
      return 5; // END\r\n
    case 'ok':
    case 'error':
      return r.line.length + 2;
    case 'config':
      return r.text.length;
  }
}

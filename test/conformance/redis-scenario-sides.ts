// Scripted two- and three-connection scenarios run against a real redis-server and against
// the engine, step by step, producing transcripts to compare: a command on a connection, a
// command that blocks (its reply collected by a later step), "still blocked?", and waiting
// (real time on the server, the manual clock on the engine).
import { createRedisEngine, encodeReply } from '../../src/engine/redis/index';
import type { Client, Reply } from '../../src/engine/redis/index';
import { engineRng, manualClock } from '../../src/engine/index';
import { RawRedisConnection } from './redis-real-server';

export type Conn = 'a' | 'b' | 'c';
export type Step =
  | { on: Conn; argv: string[] }
  /** The command blocks; its reply is collected by a later `reply` step. */
  | { on: Conn; blocks: string[] }
  | { reply: Conn }
  /** The blocked connection has had no reply yet. */
  | { still: Conn }
  | { waitMs: number };

/** One server's side: run a step, return the replies it produced (in order). */
export interface Side {
  run(step: Step): Promise<Reply[]>;
  close(): void;
}

export async function realSide(port: number): Promise<Side> {
  const conns = {
    a: await RawRedisConnection.connect(port),
    b: await RawRedisConnection.connect(port),
    c: await RawRedisConnection.connect(port),
  };
  // Watches INFO clients: a scenario goes on only once the server has parked the command.
  const admin = await RawRedisConnection.connect(port);
  const blockedClients = async (): Promise<number> => {
    const r = await admin.send(['INFO', 'clients']);
    return r.kind === 'bulk' ? Number(/blocked_clients:(\d+)/.exec(r.value)?.[1] ?? 0) : 0;
  };
  const pending = new Map<Conn, Promise<Reply>>();
  const settled = new Set<Conn>();
  return {
    async run(step) {
      if ('argv' in step) return [await conns[step.on].send(step.argv)];
      if ('blocks' in step) {
        settled.delete(step.on);
        const p = conns[step.on].send(step.blocks);
        void p.then(() => settled.add(step.on));
        pending.set(step.on, p);
        // Let the server receive and park it before the next command on another connection
        // (a fixed pause is not enough on a loaded machine): wait until it counts one more
        // blocked client than those still waiting, or the command was answered at once.
        const parked = [...pending.keys()].filter((k) => !settled.has(k)).length;
        for (let i = 0; i < 100 && !settled.has(step.on); i++) {
          if ((await blockedClients()) >= parked) break;
          await new Promise((r) => setTimeout(r, 10));
        }
        return [];
      }
      if ('reply' in step) {
        const r = await Promise.race([
          pending.get(step.reply)!,
          new Promise<Reply>((res) =>
            setTimeout(() => res({ kind: 'simple', value: 'NO REPLY' }), 2000),
          ),
        ]);
        return [r];
      }
      if ('still' in step) {
        await new Promise((r) => setTimeout(r, 50));
        return [{ kind: 'simple', value: settled.has(step.still) ? 'answered' : 'blocked' }];
      }
      await new Promise((r) => setTimeout(r, step.waitMs));
      return [];
    },
    close() {
      for (const c of Object.values(conns)) c.close();
      admin.close();
    },
  };
}

export function engineSide(): Side {
  const clock = manualClock(1_700_000_000_000);
  const engine = createRedisEngine({ clock, rng: engineRng(1) });
  const inbox: Record<Conn, Reply[]> = { a: [], b: [], c: [] };
  const conns: Record<Conn, Client> = {
    a: engine.connect({ onPush: (r) => inbox.a.push(r) }),
    b: engine.connect({ onPush: (r) => inbox.b.push(r) }),
    c: engine.connect({ onPush: (r) => inbox.c.push(r) }),
  };
  return {
    async run(step) {
      if ('argv' in step)
        return [conns[step.on].exec(step.argv) ?? { kind: 'simple', value: 'BLOCKED' }];
      if ('blocks' in step) {
        const r = conns[step.on].exec(step.blocks);
        if (r !== undefined) inbox[step.on].push(r);
        return [];
      }
      if ('reply' in step)
        return [inbox[step.reply].shift() ?? { kind: 'simple', value: 'NO REPLY' }];
      if ('still' in step)
        return [{ kind: 'simple', value: inbox[step.still].length !== 0 ? 'answered' : 'blocked' }];
      clock.advance(step.waitMs);
      engine.tick();
      return [];
    },
    close() {},
  };
}

/** Every reply a side produced over `steps`, each labelled with its step. */
export async function transcript(side: Side, steps: readonly Step[]): Promise<string[]> {
  const out: string[] = [];
  for (const step of steps)
    for (const r of await side.run(step))
      out.push(`${JSON.stringify(step)} → ${JSON.stringify(encodeReply(r))}`);
  return out;
}

import type { Message } from '../../hops';
import type { QueuedEvent } from '../../kernel/event-queue';
import type { Path } from '../../topology';
import type { Micros } from '../../trace';
import type { CatalogDb, DbReply } from './catalog-db';
import { countQuery, sendRequest } from './request';
import { travel, type World } from './world';

/**
 * The users' arrivals, one event object for the whole stream: each arrival schedules the same
 * object again (Kernel.reschedule) for the next. Stopping the traffic cancels it; starting it
 * again takes a new one, as a cancelled event may still be held in the kernel's queue.
 */
class Arrivals implements QueuedEvent {
  time: Micros = 0;
  cancelled = true;

  constructor(private readonly w: World) {}

  /** The next user request arrives: a read (Zipf popularity) or a write (any product). */
  run(): void {
    const w = this.w;
    const isRead = w.workload.next() < w.cfg.readShare;
    // Reads follow the popularity curve; writes (price and stock updates) touch any product.
    const productId = isRead
      ? w.zipf.sample(w.workload) + 1
      : w.workload.int(w.cfg.catalogSize) + 1;
    sendRequest(w, isRead, productId);
    scheduleArrival(w, this);
  }
}

/** Starts the users' arrivals: the first `afterUs` from now, then Poisson at cfg.ratePerSec. */
export function startArrivals(w: World, afterUs?: Micros): void {
  const ev = new Arrivals(w);
  w.arrival = ev;
  if (afterUs === undefined) scheduleArrival(w, ev);
  else w.ctx.kernel.reschedule(ev, w.ctx.kernel.now + afterUs);
}

/** Poisson arrivals at cfg.ratePerSec. */
function scheduleArrival(w: World, ev: Arrivals): void {
  const gap = Math.max(1, Math.round(w.workload.exponential(1e6 / w.cfg.ratePerSec)));
  w.ctx.kernel.reschedule(ev, w.ctx.kernel.now + gap);
}

/**
 * Runs a query outside a user's request (another system's write), waits its simulated
 * duration, then carries the reply along `back`. Animated runs also show the statement when it
 * completes ('db.query', a view event).
 */
export function query(
  w: World,
  id: number,
  run: (d: CatalogDb) => DbReply | Promise<DbReply>,
  back: Path,
  msg: Message,
  then: (r: DbReply) => void,
): void {
  const withReply = (reply: DbReply): void => {
    const full = countQuery(w, id, reply);
    travel(w, id, back, full ? msg : null, () => then(reply), reply.durationUs);
  };
  const reply = run(w.db!);
  if (reply instanceof Promise) w.ctx.wait(reply, withReply);
  else withReply(reply);
}

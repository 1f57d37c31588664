/**
 * The `timeout` parameter (timeout.c clientsCronHandleTimeout): a client idle for more than
 * `timeout` seconds is closed by the server, unless it is blocked (BLPOP…), subscribed, one of
 * our replicas (CLIENT_SLAVE) or our primary's link (CLIENT_MASTER). Idle time counts whole
 * seconds of the engine clock, as redis's unixtime does.
 */
import type { RedisEngine } from '../engine';

/** Called from the engine's cron (engine.tick()). */
export function closeIdleClients(engine: RedisEngine): void {
  const limit = engine.config.timeout;
  if (limit === 0) return;
  const now = Math.floor(engine.clock.nowMs() / 1000);
  for (const c of [...engine.clients.values()]) {
    if (c.blocked !== null || c.subscriptionCount !== 0 || c.replica !== null || c.isMaster)
      continue;
    if (now - Math.floor(c.lastInteraction / 1000) > limit) c.close();
  }
}

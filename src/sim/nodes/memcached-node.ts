import {
  createMemcachedEngine,
  type MemcachedConnection,
  type MemcachedEngine,
} from '../../engine/memcached/index';
import type { Kernel } from '../kernel/kernel';
import type { ConsoleOutput } from '../model';
import { SIM_EPOCH_MS } from './redis-node';

/**
 * One simulated ElastiCache for Memcached node: the real engine on the virtual clock, with a
 * console connection that behaves like a telnet session (a storage command waits for its data
 * block, which may come with the same line or the next one).
 */
export class MemcachedNode {
  engine: MemcachedEngine;
  private console: MemcachedConnection;
  up = true;

  constructor(
    private readonly kernel: Kernel,
    readonly memoryLimitMb = 64,
  ) {
    this.engine = this.boot();
    this.console = this.engine.connect();
  }

  /** A node replacement: memcached has no replication or persistence, so it comes back empty. */
  replace(): void {
    this.engine = this.boot();
    this.console = this.engine.connect();
    this.up = true;
  }

  /** One console submission: protocol lines joined by \r\n, without the final \r\n. */
  consoleLine(text: string): ConsoleOutput {
    if (!this.up)
      return { text: 'telnet: Unable to connect to remote host: Connection refused', error: true };
    const out = this.engine.executeText(this.console, `${text.replace(/\r?\n/g, '\r\n')}\r\n`);
    const shown = out.replace(/\r\n$/, '');
    return { text: shown, error: /^(ERROR|CLIENT_ERROR|SERVER_ERROR)/m.test(shown) };
  }

  private boot(): MemcachedEngine {
    return createMemcachedEngine({
      clock: { nowMs: () => SIM_EPOCH_MS + this.kernel.now / 1000 },
      memoryLimitMb: this.memoryLimitMb,
    });
  }
}

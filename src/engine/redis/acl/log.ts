/**
 * The ACL log (acl.c addACLLogEntry, ACL LOG): newest first, at most acllog-max-len entries;
 * a denial like one of the 10 newest (same reason, context, object and user, within 60 s)
 * bumps that entry's count and moves it to the front instead of adding one.
 */
import type { BinStr } from '../bytes';
import type { Client } from '../client';
import { clientInfoString } from '../commands/connection/client-info';

export type AclLogReason = 'command' | 'key' | 'channel' | 'auth';
export type AclLogContext = 'toplevel' | 'multi';

export interface AclLogEntry {
  count: number;
  readonly reason: AclLogReason;
  readonly context: AclLogContext;
  readonly object: BinStr;
  readonly username: BinStr;
  /** Engine-clock ms of the last occurrence. */
  ctime: number;
  /** CLIENT INFO of the last connection refused. */
  cinfo: string;
}

const GROUPING_MAX_MS = 60000;

export class AclLog {
  entries: AclLogEntry[] = [];

  constructor(private readonly maxLen: () => number) {}

  add(
    c: Client,
    reason: AclLogReason,
    username: BinStr,
    object: BinStr,
    now: number,
    context: AclLogContext = c.multi !== null ? 'multi' : 'toplevel',
  ): void {
    const cinfo = clientInfoString(c, now);
    const n = Math.min(10, this.entries.length);
    for (let i = 0; i < n; i++) {
      const e = this.entries[i]!;
      if (
        e.reason === reason &&
        e.context === context &&
        Math.abs(e.ctime - now) <= GROUPING_MAX_MS &&
        e.object === object &&
        e.username === username
      ) {
        this.entries.splice(i, 1);
        this.entries.unshift(e);
        e.cinfo = cinfo;
        e.ctime = now;
        e.count++;
        return;
      }
    }
    this.entries.unshift({ count: 1, reason, context, object, username, ctime: now, cinfo });
    const max = this.maxLen();
    if (this.entries.length > max) this.entries.length = max;
  }

  reset(): void {
    this.entries = [];
  }
}

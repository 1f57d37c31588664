/**
 * Splits our primary's replication stream into commands (processMultibulkBuffer for the
 * master client), keeping byte positions: the replica's offset advances by the bytes of each
 * command it applied, and those same bytes are what it proxies to its own backlog.
 * A bare newline between commands (the primary's keepalive before the RDB) is skipped.
 */
import type { BinStr } from '../bytes';

export interface StreamCommand {
  readonly argv: BinStr[];
  /** Buffer position just after the command. */
  readonly end: number;
}

/** The next complete command at `pos`, 'error' for bytes that are not RESP, undefined if incomplete. */
export function nextStreamCommand(buf: BinStr, pos: number): StreamCommand | 'error' | undefined {
  let p = pos;
  while (p < buf.length && (buf.charCodeAt(p) === 10 || buf.charCodeAt(p) === 13)) p++;
  if (p >= buf.length) return undefined;
  if (buf.charCodeAt(p) !== 42 /* * */) return 'error';
  let eol = buf.indexOf('\r\n', p);
  if (eol === -1) return undefined;
  const n = Number(buf.slice(p + 1, eol));
  if (!Number.isInteger(n) || n < 0) return 'error';
  p = eol + 2;
  const argv: BinStr[] = [];
  for (let i = 0; i < n; i++) {
    if (p >= buf.length) return undefined;
    if (buf.charCodeAt(p) !== 36 /* $ */) return 'error';
    eol = buf.indexOf('\r\n', p);
    if (eol === -1) return undefined;
    const len = Number(buf.slice(p + 1, eol));
    if (!Number.isInteger(len) || len < 0) return 'error';
    if (buf.length < eol + 2 + len + 2) return undefined;
    argv.push(buf.slice(eol + 2, eol + 2 + len));
    p = eol + 2 + len + 2;
  }
  return { argv, end: p };
}

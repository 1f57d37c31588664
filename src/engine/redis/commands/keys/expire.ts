import { defineCommand, ONE_KEY } from '../../command';
import type { Client } from '../../client';
import type { Argv } from '../../command';
import { cstr, eqi } from '../../bytes';
import { INT64, parseInt64Exact } from '../../args';
import { reply } from '../../reply';
import { NC } from '../../server/notify';

const NX = 1;
const XX = 2;
const GT = 4;
const LT = 8;

/** expireGenericCommand: `base` is now for EXPIRE/PEXPIRE and 0 for the *AT forms. */
function expireGeneric(c: Client, argv: Argv, seconds: boolean, absolute: boolean, name: string) {
  let flags = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j]!;
    if (eqi(opt, 'nx')) flags |= NX;
    else if (eqi(opt, 'xx')) flags |= XX;
    else if (eqi(opt, 'gt')) flags |= GT;
    else if (eqi(opt, 'lt')) flags |= LT;
    else return reply.error(`ERR Unsupported option ${cstr(opt)}`);
  }
  if (flags & NX && flags & (XX | GT | LT)) {
    return reply.error('ERR NX and XX, GT or LT options at the same time are not compatible');
  }
  if (flags & GT && flags & LT)
    return reply.error('ERR GT and LT options at the same time are not compatible');
  const parsed = parseInt64Exact(argv[2]!);
  if (parsed === null) return reply.notInteger();
  const invalid = reply.error(`ERR invalid expire time in '${name}' command`);
  // The overflow checks of expireGenericCommand, in exact 64-bit arithmetic.
  let w = parsed;
  if (seconds) {
    if (w > INT64.MAX / 1000n || w < INT64.MIN / 1000n) return invalid;
    w *= 1000n;
  }
  const now = c.engine.clock.nowMs();
  const base = absolute ? 0n : BigInt(Math.floor(now));
  if (w > INT64.MAX - base) return invalid;
  w += base;
  const when = Number(w);
  const db = c.db;
  const e = db.lookupWrite(argv[1]!);
  if (e === undefined) return reply.int(0);
  if (flags !== 0) {
    const cur = e.expireAt;
    if (flags & NX && cur !== -1) return reply.int(0);
    if (flags & XX && cur === -1) return reply.int(0);
    if (flags & GT && (when <= cur || cur === -1)) return reply.int(0);
    if (flags & LT && cur !== -1 && when >= cur) return reply.int(0);
  }
  // checkAlreadyExpired: a time already past deletes at once (as DEL, not counted as expired) —
  // except on a replica, which keeps the key with its past time until the primary's DEL.
  if (when <= now && !c.engine.repl.isReplica) {
    db.delete(argv[1]!);
    db.notify(NC.GENERIC, 'del', argv[1]!);
    c.propagateAs([c.engine.config['lazyfree-lazy-expire'] === 'yes' ? 'UNLINK' : 'DEL', argv[1]!]);
    return reply.int(1);
  }
  db.setExpire(e, when);
  db.signalModified(argv[1]!);
  db.notify(NC.GENERIC, 'expire', argv[1]!);
  // Replicated as PEXPIREAT with the absolute time; the NX/XX/GT/LT options stay.
  if (name !== 'pexpireat') c.propagateAs(['PEXPIREAT', argv[1]!, String(when), ...argv.slice(3)]);
  return reply.int(1);
}

function expireCommand(
  name: string,
  seconds: boolean,
  absolute: boolean,
  syntax: string,
  summary: string,
) {
  return defineCommand({
    name,
    arity: -3,
    flags: ['write', 'fast'],
    keys: ONE_KEY,
    group: 'generic',
    syntax,
    summary,
    run: (c, argv) => expireGeneric(c, argv, seconds, absolute, name),
  });
}

export const expire = expireCommand(
  'expire',
  true,
  false,
  'EXPIRE key seconds [NX | XX | GT | LT]',
  'Sets a time to live in seconds; NX/XX/GT/LT make it conditional on the current TTL.',
);
export const pexpire = expireCommand(
  'pexpire',
  false,
  false,
  'PEXPIRE key milliseconds [NX | XX | GT | LT]',
  'Sets a time to live in milliseconds.',
);
export const expireat = expireCommand(
  'expireat',
  true,
  true,
  'EXPIREAT key unix-time-seconds [NX | XX | GT | LT]',
  'Sets the expiry as an absolute Unix time in seconds.',
);
export const pexpireat = expireCommand(
  'pexpireat',
  false,
  true,
  'PEXPIREAT key unix-time-milliseconds [NX | XX | GT | LT]',
  'Sets the expiry as an absolute Unix time in milliseconds.',
);

export const persist = defineCommand({
  name: 'persist',
  arity: 2,
  flags: ['write', 'fast'],
  keys: ONE_KEY,
  group: 'generic',
  syntax: 'PERSIST key',
  summary: 'Removes the TTL of a key; 1 if it had one.',
  run: (c, argv) => {
    const e = c.db.lookupWrite(argv[1]!);
    if (e === undefined || !c.db.persist(e)) return reply.int(0);
    c.db.signalModified(argv[1]!);
    c.db.notify(NC.GENERIC, 'persist', argv[1]!);
    return reply.int(1);
  },
});

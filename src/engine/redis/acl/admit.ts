/**
 * The dispatcher's ACL step (server.c processCommand after the MULTI check, and multi.c
 * execCommand's re-check of each queued command): the NOPERM replies and their log entries.
 */
import type { Argv, Command } from '../command';
import type { Client } from '../client';
import { reply } from '../reply';
import type { ErrorReply } from '../reply';
import { ACL_DENIED_CMD, ACL_DENIED_KEY, checkCommand } from './check';
import type { AclDenial } from './check';
import type { AclLogReason } from './log';

const KEY_DENIED = reply.error(
  'NOPERM this user has no permissions to access one of the keys used as arguments',
);
const CHANNEL_DENIED = reply.error(
  'NOPERM this user has no permissions to access one of the channels used as arguments',
);

function logDenial(c: Client, cmd: Command, argv: Argv, d: AclDenial, inExec: boolean): void {
  const reason: AclLogReason =
    d.reason === ACL_DENIED_CMD ? 'command' : d.reason === ACL_DENIED_KEY ? 'key' : 'channel';
  const object = d.reason === ACL_DENIED_CMD ? cmd.fullName : argv[d.pos]!;
  c.engine.acl.log.add(
    c,
    reason,
    c.user.name,
    object,
    c.engine.clock.nowMs(),
    inExec || c.multi !== null ? 'multi' : 'toplevel',
  );
}

/** The NOPERM error for a command `c`'s user may not run (logged), or undefined. */
export function aclDenied(c: Client, cmd: Command, argv: Argv): ErrorReply | undefined {
  const d = checkCommand(c.user, cmd, argv);
  if (d === null) return undefined;
  logDenial(c, cmd, argv, d, false);
  if (d.reason === ACL_DENIED_CMD)
    return reply.error(
      `NOPERM this user has no permissions to run the '${cmd.fullName}' command`.replace(
        /[\r\n]/g,
        ' ',
      ),
    );
  return d.reason === ACL_DENIED_KEY ? KEY_DENIED : CHANNEL_DENIED;
}

/** EXEC's re-check: rules may have changed since the command was queued. */
export function aclDeniedInExec(c: Client, cmd: Command, argv: Argv): ErrorReply | undefined {
  if (c.user.unrestricted) return undefined;
  const d = checkCommand(c.user, cmd, argv);
  if (d === null) return undefined;
  logDenial(c, cmd, argv, d, true);
  const why =
    d.reason === ACL_DENIED_CMD
      ? 'no permission to execute the command or subcommand'
      : d.reason === ACL_DENIED_KEY
        ? 'no permission to touch the specified keys'
        : 'no permission to access one of the channels used as arguments';
  return reply.error(
    `NOPERM ACLs rules changed between the moment the transaction was accumulated and the EXEC call. This command is no longer allowed for the following reason: ${why}`,
  );
}

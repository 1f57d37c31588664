import { defineCommand } from '../../command';
import type { Client } from '../../client';
import type { Argv } from '../../command';
import { reply } from '../../reply';
import { NC } from '../../server/notify';

const NO_SUCH_KEY = reply.error('ERR no such key');

function renameGeneric(c: Client, argv: Argv, nx: boolean) {
  const db = c.db;
  const src = argv[1]!;
  const dst = argv[2]!;
  const e = db.lookupWrite(src);
  if (e === undefined) return NO_SUCH_KEY;
  if (src === dst) return nx ? reply.int(0) : reply.ok();
  if (db.lookupWrite(dst) !== undefined && nx) return reply.int(0);
  db.moveTo(e, db, dst);
  db.notify(NC.GENERIC, 'rename_from', src);
  db.notify(NC.GENERIC, 'rename_to', dst);
  return nx ? reply.int(1) : reply.ok();
}

const TWO_KEYS = { first: 1, last: 2, step: 1 };

export const rename = defineCommand({
  name: 'rename',
  arity: 3,
  flags: ['write'],
  keys: TWO_KEYS,
  group: 'generic',
  syntax: 'RENAME key newkey',
  summary: 'Renames a key (overwriting newkey), keeping its TTL.',
  run: (c, argv) => renameGeneric(c, argv, false),
});

export const renamenx = defineCommand({
  name: 'renamenx',
  arity: 3,
  flags: ['write', 'fast'],
  keys: TWO_KEYS,
  group: 'generic',
  syntax: 'RENAMENX key newkey',
  summary: 'Renames a key only if newkey does not exist; 1 if renamed, 0 if not.',
  run: (c, argv) => renameGeneric(c, argv, true),
});

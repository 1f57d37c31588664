import { defineCommand, NO_KEYS } from '../../command';
import { cstr, eqi } from '../../bytes';
import { parseInt64 } from '../../args';
import { reply } from '../../reply';
import { splitArgs } from '../../resp/split-args';

/**
 * REPLCONF option value … (replconfCommand): what a replica tells its primary before PSYNC
 * (listening-port, ip-address, capa, rdb-only, rdb-filter-only) and afterwards (ACK offset — never answered),
 * and what a primary asks its replica (GETACK — answered by an ACK on the link, not a reply).
 */
export const replconf = defineCommand({
  name: 'replconf',
  arity: -1,
  flags: ['admin', 'noscript', 'loading', 'stale'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'REPLCONF option value [option value ...]',
  summary:
    'Replication handshake settings and acknowledgements (used between primary and replica).',
  run: (c, argv) => {
    if (argv.length % 2 === 0) return reply.syntax();
    const conf = c.replConf;
    for (let j = 1; j < argv.length; j += 2) {
      const opt = argv[j]!;
      const val = argv[j + 1]!;
      if (eqi(opt, 'listening-port')) {
        const port = parseInt64(val);
        if (port === null) return reply.notInteger();
        conf.listeningPort = port;
      } else if (eqi(opt, 'ip-address')) {
        if (val.length >= 256) {
          return reply.error(
            `ERR REPLCONF ip-address provided by replica instance is too long: ${val.length} bytes`,
          );
        }
        conf.addr = val;
      } else if (eqi(opt, 'capa')) {
        if (eqi(val, 'eof')) conf.eof = true;
        else if (eqi(val, 'psync2')) conf.psync2 = true;
      } else if (eqi(opt, 'ack')) {
        // Only a replica's ACK counts; nothing is ever answered.
        const off = parseInt64(val);
        if (c.replica !== null && off !== null) c.replica.ack(off);
        return undefined;
      } else if (eqi(opt, 'getack')) {
        if (c.isMaster) c.engine.repl.role.sendAck();
        return undefined;
      } else if (eqi(opt, 'rdb-only')) {
        const v = parseInt64(val);
        if (v === null) return reply.notInteger();
        if (v < 0 || v > 1)
          return reply.error('ERR value is out of range, value must between 0 and 1');
        conf.rdbOnly = v === 1;
      } else if (eqi(opt, 'rdb-filter-only')) {
        // Include filters for the snapshot: none keeps no data; "functions" keeps functions
        // (we have none), never the keys.
        const filters = splitArgs(val);
        if (filters === null) return reply.error('ERR Missing rdb-filter-only values');
        for (const f of filters) {
          if (!eqi(f, 'functions'))
            return reply.error(`ERR Unsupported rdb-filter-only option: ${cstr(f)}`);
        }
        conf.excludeData = true;
      } else {
        return reply.error(`ERR Unrecognized REPLCONF option: ${cstr(opt)}`);
      }
    }
    return reply.ok();
  },
});

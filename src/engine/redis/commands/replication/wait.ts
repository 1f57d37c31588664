import { defineCommand, NO_KEYS } from '../../command';
import { parseInt64 } from '../../args';
import { reply } from '../../reply';

/** WAIT numreplicas timeout: blocks until that many replicas acknowledged this connection's writes. */
export const wait = defineCommand({
  name: 'wait',
  arity: 3,
  flags: ['noscript'],
  keys: NO_KEYS,
  group: 'server',
  syntax: 'WAIT numreplicas timeout',
  summary:
    'Waits until numreplicas replicas acknowledged the writes of this connection (timeout ms, 0 = forever).',
  run: (c, argv) => {
    if (c.engine.repl.isReplica) return c.engine.repl.wait(c, 0, 0);
    const n = parseInt64(argv[1]!);
    if (n === null) return reply.notInteger();
    const t = parseInt64(argv[2]!);
    if (t === null) return reply.error('ERR timeout is not an integer or out of range');
    if (t < 0) return reply.error('ERR timeout is negative');
    return c.engine.repl.wait(c, n, t);
  },
});

import { defineCommand, NO_KEYS } from '../../command';
import { cstr, eqi } from '../../bytes';
import { reply } from '../../reply';
import { Hll } from './hll';
import { estimate } from './hll-estimate';
import { HLL_REGISTERS } from './hll-format';
import { hllPatLen64 } from './murmur';
import { CORRUPT, openHll, storeHll } from './pf-commands';

export const pfdebug = defineCommand({
  name: 'pfdebug',
  arity: 3,
  flags: ['write', 'denyoom', 'admin'],
  keys: { first: 2, last: 2, step: 1 },
  group: 'hyperloglog',
  syntax: 'PFDEBUG <GETREG | DECODE | ENCODING | TODENSE> key',
  summary: 'Inspects a HyperLogLog: its registers, sparse opcodes or encoding, or makes it dense.',
  run: (c, argv) => {
    const sub = argv[1]!;
    const key = argv[2]!;
    const e = c.db.lookupWrite(key);
    if (e === undefined) return reply.error('ERR The specified key does not exist');
    const h = openHll(e);
    if ('kind' in h) return h;
    storeHll(c, key, h); // dbUnshareStringValue
    if (eqi(sub, 'getreg') || eqi(sub, 'todense')) {
      const converted = !h.dense;
      if (converted) {
        if (!h.toDense()) return CORRUPT;
        // An encoding change of the stored string, without a keyspace signal but counted in
        // server.dirty to force its propagation (hyperloglog.c pfdebugCommand).
        storeHll(c, key, h);
        c.engine.dirty++;
      }
      if (eqi(sub, 'todense')) return reply.int(converted ? 1 : 0);
      const regs = [];
      for (let i = 0; i < HLL_REGISTERS; i++) regs.push(reply.int(h.getDense(i)));
      return reply.array(regs);
    }
    if (eqi(sub, 'decode'))
      return h.dense ? reply.error('ERR HLL encoding is not sparse') : reply.bulk(h.decode());
    if (eqi(sub, 'encoding')) return reply.simple(h.dense ? 'dense' : 'sparse');
    return reply.error(`ERR Unknown PFDEBUG subcommand '${cstr(sub)}'`);
  },
});

const TEST_CYCLES = 1000;

/**
 * PFSELFTEST: the register accessors round-trip random values, and a dense and a sparse HLL
 * fed the same 10 million elements agree and stay within 6 standard errors (hyperloglog.c).
 */
export const pfselftest = defineCommand({
  name: 'pfselftest',
  arity: 1,
  flags: ['admin'],
  keys: NO_KEYS,
  group: 'hyperloglog',
  syntax: 'PFSELFTEST',
  summary: 'Runs the HyperLogLog implementation’s self test (slow: 10 million additions).',
  run: (c) => {
    const rng = c.engine.rng;
    const dense = Hll.empty();
    dense.toDense();
    const values = new Uint8Array(HLL_REGISTERS);
    for (let j = 0; j < TEST_CYCLES; j++) {
      for (let i = 0; i < HLL_REGISTERS; i++) {
        values[i] = rng.int(64);
        dense.setRegister(i, values[i]!);
      }
      for (let i = 0; i < HLL_REGISTERS; i++) {
        const v = dense.getDense(i);
        if (v !== values[i])
          return reply.error(`TESTFAILED Register ${i} should be ${values[i]} but is ${v}`);
      }
    }
    for (let i = 0; i < HLL_REGISTERS; i++) dense.setRegister(i, 0);
    const sparse = Hll.empty();
    const maxBytes = c.engine.config['hll-sparse-max-bytes'];
    const relerr = 1.04 / Math.sqrt(HLL_REGISTERS);
    const seedLo = rng.int(2 ** 32);
    const seedHi = rng.int(2 ** 32);
    let checkpoint = 1;
    for (let j = 1; j <= 10_000_000; j++) {
      // The element is the 8 bytes of the uint64 j ^ seed (j < 2^32 leaves the high half alone).
      const packed = hllPatLen64(j ^ seedLo, seedHi);
      const index = packed >> 6;
      const count = packed & 63;
      dense.denseSet(index, count);
      sparse.set(index, count, maxBytes);
      if (j !== checkpoint) continue;
      if (j < maxBytes / 2 && sparse.dense)
        return reply.error('TESTFAILED sparse encoding not used');
      const card = estimate(dense.histogram()!);
      if (card !== estimate(sparse.histogram()!))
        return reply.error('TESTFAILED dense/sparse disagree');
      const maxerr = j === 10 ? 1 : Math.ceil(relerr * 6 * checkpoint);
      const abserr = Math.abs(checkpoint - card);
      if (abserr > maxerr)
        return reply.error(`TESTFAILED Too big error. card:${checkpoint} abserr:${abserr}`);
      checkpoint *= 10;
    }
    return reply.ok();
  },
});

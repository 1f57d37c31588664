// The random source and value pools shared by all differential-test generators.
import { engineRng } from '../../src/engine/index';
import type { GenContext } from './redis-generators/types';

const KEYS = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'b\x00in', 'k\xff', 'sp ace', 'k*1', 'K1'];
const VALUES = [
  'v',
  '',
  '0',
  '1',
  '-1',
  '10',
  '9999',
  '10000',
  '123456789',
  '9223372036854775807',
  '-9223372036854775808',
  '9223372036854775808',
  '3.14',
  '1e3',
  ' 5',
  '05',
  '+5',
  'hello world',
  '\x00\xff\x01',
  'x'.repeat(44),
  'y'.repeat(45),
  'caf\xc3\xa9',
  '-0',
  '0x10',
];
const BAD_INTS = [
  'abc',
  '1.5',
  ' 1',
  '1 ',
  '01',
  '',
  '9223372036854775808',
  '-9223372036854775809',
  '+1',
  '0x1',
  '-',
  '1e3',
];
const FLOATS = [
  '1.5',
  '-0.5',
  '0.1',
  '1e3',
  '3',
  '-3.0e-2',
  '10.50',
  '.5',
  '5.',
  '1e400',
  'inf',
  '-inf',
  'nan',
  'abc',
  '',
  ' 1',
  '0x10',
  '1e-400',
];

export function genContext(seed: number): GenContext {
  const rng = engineRng(seed);
  const ctx: GenContext = {
    random: () => rng.next(),
    int: (n) => rng.int(n),
    pick: (xs) => xs[rng.int(xs.length)]!,
    chance: (p) => rng.next() < p,
    key: () => ctx.pick(KEYS),
    value: () => {
      const r = rng.next();
      if (r < 0.6) return ctx.pick(VALUES);
      if (r < 0.8) return String(rng.int(2000) - 1000);
      let s = '';
      for (let i = 0, n = rng.int(8); i < n; i++) s += String.fromCharCode(rng.int(256));
      return s;
    },
    intArg: (min = -100, max = 100) =>
      rng.next() < 0.12 ? ctx.badInt() : String(min + rng.int(max - min + 1)),
    floatArg: () => ctx.pick(FLOATS),
    badInt: () => ctx.pick(BAD_INTS),
  };
  return ctx;
}

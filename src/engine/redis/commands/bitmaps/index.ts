import type { CommandDef } from '../../command';
import { getbit, setbit } from './setbit';
import { bitcount, bitpos } from './bitcount';
import { bitop } from './bitop';
import { bitfield, bitfieldRo } from './bitfield';

export const bitmapCommands: readonly CommandDef[] = [
  setbit,
  getbit,
  bitcount,
  bitpos,
  bitop,
  bitfield,
  bitfieldRo,
];

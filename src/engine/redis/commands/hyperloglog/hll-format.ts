/**
 * The HyperLogLog string's layout (hyperloglog.c): a 16-byte header ("HYLL", encoding byte,
 * 3 unused bytes, cached cardinality) followed by sparse opcodes or 16384 dense 6-bit registers.
 */
export const HLL_REGISTERS = 16384;
/** Header bytes before the registers or opcodes. */
export const HDR = 16;
export const DENSE_SIZE = HDR + Math.floor((HLL_REGISTERS * 6 + 7) / 8);
/** The encoding byte (offset 4). */
export const DENSE = 0;
export const SPARSE = 1;

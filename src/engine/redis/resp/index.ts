export { RespParser } from './parser';
export type { ParseItem } from './parser';
export { encodeReply, encodeCommand } from './encode';
export { splitArgs } from './split-args';
export { RespReader } from './reader';

import { binToText, formatCliReply, splitArgs, textToBin } from '../../engine/redis/index';
import type { ConsoleOutput } from '../model';
import type { RedisNode } from './redis-node';

/**
 * One line typed at the student's redis-cli: split as redis-cli splits it (quotes, escapes),
 * run on the node's console connection, and printed as redis-cli prints the reply.
 */
export function redisConsoleLine(node: RedisNode, line: string): ConsoleOutput {
  if (!node.up) {
    return {
      text: 'Could not connect to Redis at the node endpoint: Connection refused',
      error: true,
    };
  }
  const argv = splitArgs(textToBin(line));
  // redis-cli's own message for unbalanced quotes; nothing is sent to the server.
  if (argv === null) return { text: 'Invalid argument(s)', error: true };
  if (argv.length === 0) return { text: '', error: false };
  const reply = node.console.exec(argv);
  if (reply === undefined) return { text: '', error: false };
  return { text: binToText(formatCliReply(reply)), error: reply.kind === 'error' };
}

// proto_text.c tokenize_command: split on ' ' only, at most MAX_TOKENS - 1 tokens; the final
// "terminal" token carries the unprocessed rest of the line (get uses it for >23 keys).

export const MAX_TOKENS = 24;

export interface Tokens {
  /** The real tokens (at most MAX_TOKENS - 1). */
  list: string[];
  /** Unscanned rest of the line when the token limit was hit, else null. */
  rest: string | null;
  /** memcached's ntokens: real tokens + the terminal token. */
  ntokens: number;
}

export function tokenize(command: string, maxTokens = MAX_TOKENS): Tokens {
  const list: string[] = [];
  const len = command.length;
  let s = 0;
  let e = 0;
  let stoppedAt = -1;
  for (; e < len; e++) {
    if (command.charCodeAt(e) === 0x20) {
      if (s !== e) {
        list.push(command.slice(s, e));
        if (list.length === maxTokens - 1) {
          stoppedAt = e + 1;
          s = e + 1;
          break;
        }
      }
      s = e + 1;
    }
  }
  if (stoppedAt < 0) {
    if (s !== e) list.push(command.slice(s, e));
    return { list, rest: null, ntokens: list.length + 1 };
  }
  const rest = stoppedAt < len ? command.slice(stoppedAt) : null;
  return { list, rest, ntokens: list.length + 1 };
}

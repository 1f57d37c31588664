// Pieces shared by the meta commands' replies (proto_text.c META_KEY, out_errstring, opaque).
import { base64Encode } from '../base64';
import type { CommandContext } from '../context';

/** MFLAG_MAX_OPT_LENGTH: a meta command line may have at most this many tokens (+ terminal). */
export const MFLAG_MAX_OPT_LENGTH = 20;
/** MFLAG_MAX_OPAQUE_LENGTH: an `O` token, letter included. */
export const MFLAG_MAX_OPAQUE_LENGTH = 32;
export const OPAQUE_TOO_LONG = 'CLIENT_ERROR opaque token too long';

/** out_errstring: errors are sent even in quiet mode. */
export function metaError(ctx: CommandContext, msg: string): void {
  ctx.noreply = false;
  ctx.reply(msg);
}

/** META_KEY: " k<key>", or " k<base64> b" for a binary key. */
export function metaKey(key: string, binary: boolean): string {
  return binary ? ` k${base64Encode(key)} b` : ` k${key}`;
}

/**
 * The O and k flags of a reply that has no item to describe (misses, md, NF/EX): in token
 * order; null when an opaque token is too long.
 */
export function opaqueAndKey(
  tokens: readonly string[],
  from: number,
  key: string,
  binary: boolean,
): string | null {
  let out = '';
  for (let i = from; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok[0] === 'O') {
      if (tok.length > MFLAG_MAX_OPAQUE_LENGTH) return null;
      out += ` ${tok}`;
    } else if (tok[0] === 'k') out += metaKey(key, binary);
  }
  return out;
}

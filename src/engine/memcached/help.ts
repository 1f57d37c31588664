/** Inline help for the Memcached console: syntax and one line per command (our own words). */
export interface MemcachedCommandHelp {
  name: string;
  syntax: string;
  summary: string;
  /** True when the command is followed by a data block line. */
  takesData: boolean;
}

export const memcachedHelp: readonly MemcachedCommandHelp[] = [
  {
    name: 'set',
    syntax: 'set <key> <flags> <exptime> <bytes> [noreply]\\r\\n<data>',
    summary: 'Store a value, replacing any existing one.',
    takesData: true,
  },
  {
    name: 'add',
    syntax: 'add <key> <flags> <exptime> <bytes> [noreply]\\r\\n<data>',
    summary: 'Store only if the key does not exist yet.',
    takesData: true,
  },
  {
    name: 'replace',
    syntax: 'replace <key> <flags> <exptime> <bytes> [noreply]\\r\\n<data>',
    summary: 'Store only if the key already exists.',
    takesData: true,
  },
  {
    name: 'append',
    syntax: 'append <key> <flags> <exptime> <bytes> [noreply]\\r\\n<data>',
    summary: 'Add data after the existing value (flags and exptime are ignored).',
    takesData: true,
  },
  {
    name: 'prepend',
    syntax: 'prepend <key> <flags> <exptime> <bytes> [noreply]\\r\\n<data>',
    summary: 'Add data before the existing value (flags and exptime are ignored).',
    takesData: true,
  },
  {
    name: 'cas',
    syntax: 'cas <key> <flags> <exptime> <bytes> <cas unique> [noreply]\\r\\n<data>',
    summary: 'Store only if nobody changed the item since your gets (check and set).',
    takesData: true,
  },
  {
    name: 'get',
    syntax: 'get <key> [<key> …]',
    summary: 'Read one or more values; missing keys are simply left out.',
    takesData: false,
  },
  {
    name: 'gets',
    syntax: 'gets <key> [<key> …]',
    summary: "Like get, plus each item's CAS token for a later cas.",
    takesData: false,
  },
  {
    name: 'gat',
    syntax: 'gat <exptime> <key> [<key> …]',
    summary: 'Read values and give them a new expiry time.',
    takesData: false,
  },
  {
    name: 'gats',
    syntax: 'gats <exptime> <key> [<key> …]',
    summary: 'Like gat, with CAS tokens.',
    takesData: false,
  },
  {
    name: 'touch',
    syntax: 'touch <key> <exptime> [noreply]',
    summary: "Change an item's expiry time without reading it.",
    takesData: false,
  },
  {
    name: 'delete',
    syntax: 'delete <key> [noreply]',
    summary: 'Remove an item.',
    takesData: false,
  },
  {
    name: 'incr',
    syntax: 'incr <key> <delta> [noreply]',
    summary: 'Add to a decimal value; wraps around at 2^64.',
    takesData: false,
  },
  {
    name: 'decr',
    syntax: 'decr <key> <delta> [noreply]',
    summary: 'Subtract from a decimal value; stops at 0.',
    takesData: false,
  },
  {
    name: 'flush_all',
    syntax: 'flush_all [delay] [noreply]',
    summary: 'Invalidate every item now, or after delay seconds.',
    takesData: false,
  },
  {
    name: 'stats',
    syntax: 'stats [settings|items|slabs|sizes|reset]',
    summary: 'Server counters: hits, misses, evictions, memory, slab classes.',
    takesData: false,
  },
  { name: 'version', syntax: 'version', summary: 'The server version.', takesData: false },
  {
    name: 'verbosity',
    syntax: 'verbosity <level> [noreply]',
    summary: 'Set the server log level (0–2).',
    takesData: false,
  },
  { name: 'quit', syntax: 'quit', summary: 'Close the connection.', takesData: false },
  // The meta protocol (memcached 1.6): one letter per command, behaviour chosen by flags; a
  // reply starts with a two-letter code (HD, VA, EN, NF, NS, EX, MN).
  {
    name: 'mg',
    syntax: 'mg <key> <flags>*',
    summary:
      'Meta get: v returns the value, f flags, t TTL left, c CAS, k key, s size, q quiet on a miss, T<ttl> touches.',
    takesData: false,
  },
  {
    name: 'ms',
    syntax: 'ms <key> <datalen> <flags>*\\r\\n<data>',
    summary:
      'Meta set: T<ttl> sets the TTL, F<flags> client flags, C<cas> compare-and-swap, M<mode> E/A/P/R/S (add, append, prepend, replace, set), I invalidates.',
    takesData: true,
  },
  {
    name: 'md',
    syntax: 'md <key> <flags>*',
    summary:
      'Meta delete: q quiet, C<cas> only if the CAS matches, I marks the item stale instead.',
    takesData: false,
  },
  {
    name: 'ma',
    syntax: 'ma <key> <flags>*',
    summary:
      'Meta arithmetic: MI/MD increment or decrement by D<delta>, N<ttl> creates a missing key with J<initial>, v returns the new value.',
    takesData: false,
  },
  {
    name: 'mn',
    syntax: 'mn',
    summary: 'Meta no-op: answers MN, so a client knows every quiet command before it was handled.',
    takesData: false,
  },
  {
    name: 'me',
    syntax: 'me <key>',
    summary:
      'Meta debug: the item’s internal details (expiry, last access, CAS, fetched, slab class, size).',
    takesData: false,
  },
];

/** Expiry rule shown next to the console: the part of the protocol students trip over. */
export const memcachedExptimeNote =
  'exptime: 0 = never; up to 2592000 (30 days) = seconds from now; larger = absolute Unix time; negative = expired at once.';

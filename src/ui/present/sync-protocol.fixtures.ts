/** Valid pieces of present-protocol messages, for the protocol's tests to build on. */
export const head = { v: 1, from: 'abcd1234', role: 'presenter' } as const;

export const status = {
  slide: 2,
  onScript: true,
  playing: false,
  busy: false,
  nowUs: 24_000_000,
  traceHash: '9f3a01bc',
  problem: null,
};

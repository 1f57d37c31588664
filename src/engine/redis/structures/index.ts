// Public API of the data-type structures: the values stored in the keyspace for hashes, lists,
// sets, sorted sets and streams (with their Redis 7.0 encodings and memory model), the ranked skip list,
// geohash coding and the x87 long double used by HINCRBYFLOAT.
export { RedisHash } from './hash-value';
export { RedisList } from './list-value';
export { RedisSet } from './set-value';
export { RedisZset, type ZEntry } from './zset-value';
export { DEFAULT_LIMITS, type EncodingLimits } from './limits';
export { SkipList, NIL, compareBinary, type NodeRef, type ScoreRange } from './skiplist';
export { firstInLexRange, lastInLexRange, type LexRange } from './skiplist-lex';
export {
  geoScore,
  decodeGeoScore,
  geohashString,
  geohashGetDistance,
  EARTH_RADIUS_IN_METERS,
} from './geohash';
export {
  parseLongDouble,
  addLongDouble,
  formatLongDoubleHuman,
  type LongDouble,
} from './long-double';
export { readAs, writeAs, writeOrCreate, isErrorReply, type AggregateType } from './access';
export {
  RedisStream,
  DEFAULT_NODE_LIMITS,
  type NodeLimits,
  type TrimArgs,
  type TrimStrategy,
} from './stream-value';
export { StreamNode, FLAG_DELETED, FLAG_SAMEFIELDS, type StreamEntry } from './stream-node';
export {
  ConsumerGroup,
  Consumer,
  PendingList,
  ENTRIES_READ_INVALID,
  type Nack,
} from './stream-group';
export {
  type StreamId,
  ZERO_ID,
  MAX_ID,
  compareIds,
  formatId,
  parseStreamId,
  incrId,
  decrId,
} from './stream-id';
export { radixTreeNodes } from './stream-rax';
export { groupLag, estimateDistance, rangeHasTombstones, advanceEntriesRead } from './stream-lag';

// Client-side sharding: ketama consistent hashing for Memcached, hash slots for Redis Cluster.
export type { KetamaRing, RingNode } from './ketama';
export { KETAMA_POINTS_PER_SERVER, createKetamaRing, ketamaKeyHash, nodeName } from './ketama';
export type { ModuloSharding } from './modulo';
export { createModuloSharding } from './modulo';
export type { KeyMovement } from './key-movement';
export { keyMovement } from './key-movement';
export { md5, md5Hex, md5Words } from './md5';
export { HASH_SLOTS, crc16, keyHashSlot, keyHashSlotBytes, keyHashSlotText } from './slots';

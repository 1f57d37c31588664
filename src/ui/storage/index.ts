export {
  browserStorage,
  memoryStore,
  openStorage,
  prefixedStore,
  type KeyValueStore,
  type SafeStorage,
  type StorageKind,
} from './safe-storage';

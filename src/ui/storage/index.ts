export {
  browserStorage,
  memoryStore,
  openStorage,
  type KeyValueStore,
  type SafeStorage,
  type StorageKind,
} from './safe-storage';

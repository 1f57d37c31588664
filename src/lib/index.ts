// Pure building blocks shared by every layer (engine, rds, sim and above): no imports, no
// clock, no I/O. Only what more than one layer needs lives here.
export { Sfc32, cyrb128, splitmix32 } from './sfc32';
export { LatencyHistogram } from './latency-histogram';
export { MinHeap } from './min-heap';

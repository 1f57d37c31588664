// Redis cluster mode: GET/SET 90/10 on Zipf(0.99) over 100k keys sent to the node owning each
// key (what a cluster-aware client does after learning the slot map) versus one standalone
// engine, so the figure is the cost of the cluster check per command; the rate of -MOVED
// replies when every command goes to one node; and key → slot lookups.
import { engineRng, manualClock } from '../../src/engine';
import { keyHashSlot } from '../../src/engine/cluster';
import { createRedisCluster, createRedisEngine } from '../../src/engine/redis';
import { fmt, medianRate, opsPerSecond, zipfSampler } from './measure';

const KEYS = 100_000;
const OPS = 500_000;

export function run(): void {
  const rng = engineRng(42);
  const zipf = zipfSampler(KEYS, 0.99, rng);
  const keyOf = new Int32Array(OPS);
  const isSet = new Uint8Array(OPS);
  for (let i = 0; i < OPS; i++) {
    keyOf[i] = zipf();
    isSet[i] = rng.next() < 0.1 ? 1 : 0;
  }
  const keys = Array.from({ length: KEYS }, (_, i) => `user:${i}`);
  const value = 'v'.repeat(32);

  const clock = { nowMs: () => 1_700_000_000_000 };
  const standalone = createRedisEngine({ clock, rng: engineRng(1) }).connect();
  const cclock = manualClock(1_700_000_000_000);
  const { nodes } = createRedisCluster({ clock: cclock, masters: 3, basePort: 7000 });
  // Past the 2 s a new cluster waits before cluster_state:ok.
  for (let t = 0; t < 25; t++) {
    cclock.advance(100);
    for (const n of nodes) n.tick();
  }
  const conns = nodes.map((n) => n.connect());
  const ownerConn = keys.map((k) => {
    const slot = keyHashSlot(k);
    return conns[slot <= 5460 ? 0 : slot <= 10922 ? 1 : 2]!;
  });
  for (let i = 0; i < KEYS; i++) {
    standalone.exec(['SET', keys[i]!, value]);
    ownerConn[i]!.exec(['SET', keys[i]!, value]);
  }

  const plain = medianRate(3, () =>
    opsPerSecond(OPS, () => {
      for (let i = 0; i < OPS; i++) {
        const k = keys[keyOf[i]!]!;
        standalone.exec(isSet[i] ? ['SET', k, value] : ['GET', k]);
      }
    }),
  );
  const routed = medianRate(3, () =>
    opsPerSecond(OPS, () => {
      for (let i = 0; i < OPS; i++) {
        const k = keyOf[i]!;
        ownerConn[k]!.exec(isSet[i] ? ['SET', keys[k]!, value] : ['GET', keys[k]!]);
      }
    }),
  );
  const moved = medianRate(3, () =>
    opsPerSecond(OPS, () => {
      for (let i = 0; i < OPS; i++) conns[0]!.exec(['GET', keys[keyOf[i]!]!]);
    }),
  );
  let sink = 0;
  const slots = medianRate(3, () =>
    opsPerSecond(OPS, () => {
      for (let i = 0; i < OPS; i++) sink += keyHashSlot(keys[keyOf[i]!]!);
    }),
  );
  console.log(`standalone engine GET/SET 90/10:                 ${fmt(plain.median)} ops/s`);
  console.log(`cluster node, each key sent to its owner:        ${fmt(routed.median)} ops/s`);
  console.log(`cluster node 0 answering every GET (2/3 MOVED):  ${fmt(moved.median)} ops/s`);
  console.log(`key → slot (CRC16, engine byte strings):         ${fmt(slots.median)} keys/s`);
  if (sink < 0) console.log(sink);
}

// Memcached engine throughput: typed API vs a plain Map on the same Zipf(0.99) 90/10 get/set
// sequence, the text-protocol path, and ketama ring lookups.
import { engineRng, manualClock } from '../../src/engine';
import { createMemcachedEngine } from '../../src/engine/memcached';
import { createKetamaRing, keyHashSlot } from '../../src/engine/cluster';
import { fmt, zipfSampler, medianRate, opsPerSecond } from './measure';

const KEYS = 100_000;
const OPS = 1_000_000;

export function run(): void {
  const rng = engineRng(42);
  const zipf = zipfSampler(KEYS, 0.99, rng);
  const keys = Array.from({ length: KEYS }, (_, i) => `user:${i}:profile`);
  const opKeys: string[] = new Array(OPS);
  const opIsSet = new Uint8Array(OPS);
  for (let i = 0; i < OPS; i++) {
    opKeys[i] = keys[zipf()]!;
    opIsSet[i] = rng.next() < 0.1 ? 1 : 0;
  }
  const value = new Uint8Array(100).fill(0x61);

  // Map and engine runs alternate, and the ratio is taken per pair: the machine is shared, so
  // only side-by-side runs compare fairly.
  const clock = manualClock(1_800_000_000_000);
  let hits = 0;
  const mapRun = (): number => {
    const m = new Map<string, Uint8Array>();
    return opsPerSecond(OPS, () => {
      for (let i = 0; i < OPS; i++) {
        if (opIsSet[i]) m.set(opKeys[i]!, value);
        else if (m.get(opKeys[i]!) !== undefined) hits++;
      }
    });
  };
  const engineRun = (): number => {
    const e = createMemcachedEngine({ clock });
    return opsPerSecond(OPS, () => {
      for (let i = 0; i < OPS; i++) {
        if (opIsSet[i]) e.set(opKeys[i]!, value);
        else if (e.get(opKeys[i]!) !== null) hits++;
        if ((i & 0xffff) === 0) clock.advance(1000);
      }
    });
  };
  mapRun();
  engineRun();
  const pairs: { map: number; engine: number }[] = [];
  for (let r = 0; r < 5; r++) pairs.push({ map: mapRun(), engine: engineRun() });
  const median = (xs: number[]): number =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const mapRate = { median: median(pairs.map((p) => p.map)) };
  const engineRate = { median: median(pairs.map((p) => p.engine)) };
  const ratio = median(pairs.map((p) => p.engine / p.map));
  console.log(`typed API get/set 90/10 Zipf(0.99), ${KEYS} keys: ${fmt(engineRate.median)} ops/s`);
  console.log(`plain Map, same sequence:                       ${fmt(mapRate.median)} ops/s`);
  console.log(`ratio engine/Map (median of 5 paired runs): ${ratio.toFixed(3)} (target ≥ 0.25)`);

  // Protocol path: the same sequence as text, fed in 16 KB reads.
  const PROTO_OPS = 300_000;
  const enc = new TextEncoder();
  const lines: string[] = [];
  for (let i = 0; i < PROTO_OPS; i++) {
    lines.push(
      opIsSet[i]
        ? `set ${opKeys[i]} 0 0 100 noreply\r\n${'a'.repeat(100)}\r\n`
        : `get ${opKeys[i]}\r\n`,
    );
  }
  const stream = enc.encode(lines.join(''));
  const protoRate = medianRate(3, () => {
    const e = createMemcachedEngine({ clock });
    const conn = e.connect();
    return opsPerSecond(PROTO_OPS, () => {
      for (let off = 0; off < stream.length; off += 16384)
        conn.feed(stream.subarray(off, off + 16384));
    });
  });
  console.log(`text protocol (16 KB reads, pipelined):         ${fmt(protoRate.median)} ops/s`);

  const nodes = Array.from({ length: 10 }, (_, i) => ({ host: `10.0.0.${i + 1}`, port: 11211 }));
  const ring = createKetamaRing(nodes);
  const LOOKUPS = 300_000;
  let sink = 0;
  const ringRate = medianRate(3, () =>
    opsPerSecond(LOOKUPS, () => {
      for (let i = 0; i < LOOKUPS; i++) sink += ring.lookup(opKeys[i]!);
    }),
  );
  const slotRate = medianRate(3, () =>
    opsPerSecond(LOOKUPS, () => {
      for (let i = 0; i < LOOKUPS; i++) sink += keyHashSlot(opKeys[i]!);
    }),
  );
  console.log(`ketama ring lookups (10 nodes × 160 points):    ${fmt(ringRate.median)} lookups/s`);
  console.log(`redis cluster key→slot (CRC16):                 ${fmt(slotRate.median)} keys/s`);
  if (sink < 0 || hits < 0) console.log(sink);
}

// Sorted-set leaderboard figures: 100k members, then ZADD / ZINCRBY / ZREVRANK / ZREVRANGE 0 9
// through the full engine path (dispatch, lookup, reply), ops/s as the median of 5 runs.
import { manualClock } from '../../src/engine/clock';
import { engineRng } from '../../src/engine/rng';
import { createRedisEngine } from '../../src/engine/redis/engine';
import { fmt, medianRate, opsPerSecond } from './measure';

const MEMBERS = 100_000;
const OPS = 50_000;

export function run(): void {
  const engine = createRedisEngine({ clock: manualClock(0), rng: engineRng(7) });
  const rng = engineRng(42);
  const names = Array.from({ length: MEMBERS }, (_, i) => `player:${i}`);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < MEMBERS; i++)
    engine.exec(['zadd', 'board', String(rng.int(1_000_000)), names[i]!]);
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(
    `load: ${MEMBERS} ZADD into one key in ${loadMs.toFixed(0)} ms (${fmt(MEMBERS / (loadMs / 1000))} ops/s)`,
  );

  const cases: Array<[string, () => void]> = [
    [
      'ZADD (update score)',
      () =>
        void engine.exec(['zadd', 'board', String(rng.int(1_000_000)), names[rng.int(MEMBERS)]!]),
    ],
    [
      'ZINCRBY',
      () =>
        void engine.exec(['zincrby', 'board', String(1 + rng.int(100)), names[rng.int(MEMBERS)]!]),
    ],
    ['ZREVRANK', () => void engine.exec(['zrevrank', 'board', names[rng.int(MEMBERS)]!])],
    [
      'ZREVRANGE 0 9 WITHSCORES',
      () => void engine.exec(['zrevrange', 'board', '0', '9', 'withscores']),
    ],
    ['ZRANGE rank 50000..50009', () => void engine.exec(['zrange', 'board', '50000', '50009'])],
    ['ZCOUNT', () => void engine.exec(['zcount', 'board', '250000', '(750000'])],
  ];
  for (const [name, op] of cases) {
    const { median } = medianRate(5, () =>
      opsPerSecond(OPS, () => {
        for (let i = 0; i < OPS; i++) op();
      }),
    );
    console.log(`${name.padEnd(26)} ${fmt(median).padStart(8)} ops/s  (100k members)`);
  }
  const z = engine.exec(['zcard', 'board']);
  console.log(
    `ZCARD ${z?.kind === 'int' ? String(z.value) : '?'}; used_memory model ${fmt(engine.usedMemory())} bytes`,
  );
}

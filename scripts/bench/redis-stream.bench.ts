// Stream queue figures through the full engine path (dispatch, lookup, reply): XADD with `*`
// and MAXLEN ~ (a capped queue), a consumer group reading 10 entries at a time and
// acknowledging them (starting over at the end), XRANGE of 10 entries from 100k, and
// XPENDING; ops/s as the median of 5 runs.
import { manualClock } from '../../src/engine/clock';
import { engineRng } from '../../src/engine/rng';
import { createRedisEngine } from '../../src/engine/redis/engine';
import { fmt, medianRate, opsPerSecond } from './measure';

const ENTRIES = 100_000;
const OPS = 20_000;

export function run(): void {
  const clock = manualClock(1_700_000_000_000);
  const engine = createRedisEngine({ clock, rng: engineRng(7) });
  const rng = engineRng(42);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < ENTRIES; i++) {
    if (i % 10 === 0) clock.advance(1);
    engine.exec([
      'xadd',
      'events',
      '*',
      'user',
      `u${rng.int(10_000)}`,
      'action',
      'click',
      'ms',
      String(i),
    ]);
  }
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(
    `load: ${ENTRIES} XADD * (3 fields) into one key in ${loadMs.toFixed(0)} ms (${fmt(ENTRIES / (loadMs / 1000))} ops/s)`,
  );
  engine.exec(['xgroup', 'create', 'events', 'workers', '0']);

  const cases: Array<[string, () => void]> = [
    [
      'XADD * MAXLEN ~ 100000',
      () =>
        void engine.exec([
          'xadd',
          'events',
          'maxlen',
          '~',
          '100000',
          '*',
          'user',
          'u1',
          'action',
          'view',
          'ms',
          '1',
        ]),
    ],
    [
      'XREADGROUP COUNT 10 + XACK',
      () => {
        const r = engine.exec([
          'xreadgroup',
          'group',
          'workers',
          'w1',
          'count',
          '10',
          'streams',
          'events',
          '>',
        ]);
        // Read to the end: start the group over, so every round reads and acknowledges 10.
        if (r?.kind !== 'array')
          return void engine.exec(['xgroup', 'setid', 'events', 'workers', '0']);
        const entries = r.items[0]?.kind === 'array' ? r.items[0].items[1] : undefined;
        if (entries?.kind !== 'array') return;
        const ids = entries.items.map((e) =>
          e.kind === 'array' && e.items[0]?.kind === 'bulk' ? e.items[0].value : '',
        );
        engine.exec(['xack', 'events', 'workers', ...ids]);
      },
    ],
    [
      'XRANGE (id COUNT 10',
      () =>
        void engine.exec([
          'xrange',
          'events',
          `(${1_700_000_000_000 + rng.int(ENTRIES / 10)}`,
          '+',
          'count',
          '10',
        ]),
    ],
    ['XLEN', () => void engine.exec(['xlen', 'events'])],
    ['XPENDING summary', () => void engine.exec(['xpending', 'events', 'workers'])],
  ];
  for (const [name, op] of cases) {
    const { median } = medianRate(5, () =>
      opsPerSecond(OPS, () => {
        for (let i = 0; i < OPS; i++) op();
      }),
    );
    console.log(`${name.padEnd(28)} ${fmt(median).padStart(8)} ops/s`);
  }
  const info = engine.exec(['xinfo', 'stream', 'events']);
  const field = (name: string): string => {
    if (info?.kind !== 'array') return '?';
    const i = info.items.findIndex((x) => x.kind === 'bulk' && x.value === name);
    const v = info.items[i + 1];
    return v?.kind === 'int' ? String(v.value) : '?';
  };
  console.log(
    `XLEN ${field('length')} in ${field('radix-tree-keys')} nodes; used_memory model ${fmt(engine.usedMemory())} bytes`,
  );
}

// Kernel throughput: the classic "hold" model — N live events, each firing reschedules itself
// a random delay later — so the heap stays at a steady size while ≥ 1M events fire.
import { Kernel, createRng, Simulation, scenarioModels } from '../../src/sim/index';
import { fmt, medianRate, opsPerSecond } from './measure';

const EVENTS = 2_000_000;

function holdModel(live: number): number {
  const k = new Kernel();
  const rng = createRng(1).stream('bench');
  let remaining = EVENTS;
  const fire = (): void => {
    if (--remaining > 0) k.after(1 + rng.int(1000), fire);
  };
  for (let i = 0; i < live; i++) k.after(rng.int(1000), fire);
  return opsPerSecond(EVENTS, () => k.runUntil(Number.MAX_SAFE_INTEGER));
}

export async function run(): Promise<void> {
  for (const live of [100, 10_000]) {
    const { median, all } = medianRate(5, () => holdModel(live));
    console.log(
      `kernel hold model, ${live} live events, ${fmt(EVENTS)} events/run: median ${fmt(median)} events/s ` +
        `(runs: ${all.map(fmt).join(', ')}; target ≥ 2M events/s)`,
    );
  }
  const factory = scenarioModels.sandbox!;
  const sim = new Simulation(factory, 1);
  const t0 = process.hrtime.bigint();
  await sim.runUntil(60_000_000);
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(
    `sandbox model (placeholders), 60 s virtual: ${sim.kernel.fired} events, ${sim.traceEvents} trace events ` +
      `in ${s.toFixed(2)} s wall = ${fmt(sim.kernel.fired / s)} events/s`,
  );
}

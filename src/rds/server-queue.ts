/**
 * A c-server FCFS queue on the virtual clock: one server per vCPU. With Poisson arrivals and
 * exponential service this is exactly M/M/c; the simulator feeds it real arrival times and
 * per-statement service demands, so it is the G/G/c the workload makes it.
 */
export class ServerQueue {
  private readonly freeAt: Float64Array;

  constructor(readonly servers: number) {
    if (!(servers >= 1))
      throw new Error(`a server queue needs at least one server, got ${servers}`);
    this.freeAt = new Float64Array(servers);
  }

  /** Admits a job arriving at `arrivalUs` needing `serviceUs` of one server, in call order. */
  schedule(arrivalUs: number, serviceUs: number): { startUs: number; endUs: number } {
    let best = 0;
    for (let i = 1; i < this.freeAt.length; i++) if (this.freeAt[i]! < this.freeAt[best]!) best = i;
    const startUs = Math.max(arrivalUs, this.freeAt[best]!);
    const endUs = startUs + serviceUs;
    this.freeAt[best] = endUs;
    return { startUs, endUs };
  }

  /** Servers busy at `atUs` (a job started and not finished). */
  busyAt(atUs: number): number {
    let n = 0;
    for (const t of this.freeAt) if (t > atUs) n++;
    return n;
  }

  reset(): void {
    this.freeAt.fill(0);
  }
}

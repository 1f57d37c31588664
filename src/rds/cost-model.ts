import type { InstanceClass } from './instance-classes';

/**
 * How much CPU a statement costs on the simulated instance. All figures are parameters of this
 * model (chosen so a primary-key lookup is ~0.1 ms and a 10k-row scan a few ms, the order of
 * magnitude PostgreSQL shows on small servers), not AWS-published latencies.
 */
export interface CostModel {
  /** Parse, plan, executor start-up and protocol overhead per statement. */
  fixedUs: number;
  /** CPU per PostgreSQL planner cost unit (EXPLAIN's "Total Cost"). */
  usPerPlanCost: number;
  /** Per row sent back to the client. */
  usPerRowReturned: number;
  /** Per row inserted/updated/deleted (heap + index maintenance + WAL). */
  usPerRowWritten: number;
  /** Commit wait for the WAL flush on the storage volume: latency the client sees, not CPU. */
  commitIoUs: number;
}

export const DEFAULT_COST_MODEL: CostModel = {
  fixedUs: 60,
  usPerPlanCost: 8,
  usPerRowReturned: 1.5,
  usPerRowWritten: 15,
  commitIoUs: 600,
};

/** The measured/estimated work of one statement. */
export interface StatementWork {
  /** EXPLAIN's total cost, or undefined when the statement cannot be explained (DDL, SET…). */
  planCost: number | undefined;
  rowsReturned: number;
  rowsWritten: number;
}

export interface ServiceDemand {
  /** Time the statement occupies one vCPU. */
  cpuUs: number;
  /** Time the client waits beyond CPU and queueing (commit flush). */
  ioUs: number;
}

export function serviceDemand(
  model: CostModel,
  cls: InstanceClass,
  work: StatementWork,
): ServiceDemand {
  const cpu =
    model.fixedUs +
    (work.planCost ?? 0) * model.usPerPlanCost +
    work.rowsReturned * model.usPerRowReturned +
    work.rowsWritten * model.usPerRowWritten;
  return { cpuUs: cpu / cls.cpuSpeed, ioUs: work.rowsWritten > 0 ? model.commitIoUs : 0 };
}

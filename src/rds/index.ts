// Public API of the simulated RDS. Importing this module is cheap: PGlite (and its WASM) is
// loaded by startDatabase()/createSimulatedRds() through a dynamic import.
export { createSimulatedRds, SimulatedRds } from './simulated-rds';
export type { ConsoleOutcome, RdsMetricsSnapshot, SimulatedRdsOptions } from './simulated-rds';
export type {
  QueryOptions,
  QueryOutcome,
  QuerySuccess,
  QueryFailure,
  QueryLogEntry,
} from './query-types';
export type { ConsoleRun, ConsoleStatementResult } from './sql-console';
export type { InstanceMetrics } from './rds-instance';
export type { ExecutionPath } from './db-node';
export { INSTANCE_CLASSES, defaultMaxConnections } from './instance-classes';
export type { InstanceClass, InstanceClassName } from './instance-classes';
export { DEFAULT_COST_MODEL, serviceDemand } from './cost-model';
export type { CostModel } from './cost-model';
export { TOO_MANY_CONNECTIONS, formatPgError } from './pg-error';
export type { PgError } from './pg-error';
export { WORKLOAD_SQL } from './workload-sql';
export type { WorkloadStatement } from './workload-sql';
export { ServerQueue } from './server-queue';
export { seededRng } from './prng';
export type { RdsRng } from './prng';
export { DATASET_VERSION, DEFAULT_DATASET_SEED, DEFAULT_SIZES, DATASET_TABLES } from './schema';
export type { DatasetSizes, DatasetTable } from './schema';
export { generateDataset, seedDatabase } from './seed-data';
export { startDatabase, buildDataDir, DATA_DIR_ASSET_PATH } from './start';
export { freshDatabases } from './fresh-databases';
export type { RdsStartPhase, RdsStartState, StartDatabaseOptions, StartedDatabase } from './start';
export type { SqlRunner, SqlResult, SqlField } from './sql-runner';

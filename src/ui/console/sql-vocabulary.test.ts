import { describe, expect, it } from 'vitest';
import { SCHEMA_SQL, DATASET_TABLES } from '../../rds/schema';
import { SQL_COLUMNS, SQL_TABLES } from './sql-vocabulary';

describe('SQL vocabulary', () => {
  it('names every table and column of the sample schema', () => {
    expect([...SQL_TABLES].sort()).toEqual([...DATASET_TABLES].sort());
    const columns = new Set<string>();
    for (const m of SCHEMA_SQL.matchAll(/^\s+([a-z_]+) (?:integer|text|bigint|timestamptz)\b/gm))
      columns.add(m[1]!);
    columns.delete('dataset_version');
    columns.delete('seed');
    columns.delete('sizes');
    expect([...columns].sort()).toEqual([...SQL_COLUMNS].sort());
  });
});

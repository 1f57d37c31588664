import { afterAll, describe, expect, it } from 'vitest';
import { nodeEnvironment } from '../../../test/support/node-environment';
import { scenarioModels } from '../model-registry';
import { Simulation } from '../simulation';
import { METRIC_CATALOG, METRIC_ORDER, isMetricKey, metricDef } from './catalog';
import { MEASURES } from './measures';
import { NODE_METRICS } from './node-metrics';

describe('metrics catalogue: one closed set of names, each with unit, source and dimensions', () => {
  it('every name has a unit, a source, a description and the dimensions it exists at', () => {
    for (const [key, def] of Object.entries(METRIC_CATALOG)) {
      expect(def.unit, key).toMatch(/^(count|percent|ms|seconds|bytes|per-second|ratio)$/);
      expect(def.source, key).toMatch(/^(ElastiCache|RDS|Simulator)$/);
      expect(def.description.length, key).toBeGreaterThan(10);
      expect(def.dimensions.length, key).toBeGreaterThan(0);
      expect(def.dimensions, key).toContain('total');
    }
  });

  it('node metrics exist per node, shard, cache and total, and say how they roll up and which engines publish them', () => {
    for (const [key, def] of Object.entries(NODE_METRICS)) {
      expect(def.dimensions, key).toEqual(['node', 'shard', 'cache', 'total']);
      expect(def.rollup, key).toBeDefined();
      expect(def.engines?.length, key).toBeGreaterThan(0);
    }
    for (const [key, def] of Object.entries(MEASURES)) {
      expect(def.dimensions, key).not.toContain('node');
      expect(def.rollup, key).toBeUndefined();
    }
  });

  it('uses CloudWatch’s names and units as AWS documents them (docs/aws/cloudwatch-metrics.md)', () => {
    const cw = (key: string) => {
      const d = metricDef(key)!;
      return [d.name, d.source, d.unit];
    };
    expect(cw('ReplicationLag')).toEqual(['ReplicationLag', 'ElastiCache', 'seconds']);
    expect(cw('IsPrimary')).toEqual(['IsPrimary', 'ElastiCache', 'count']);
    expect(cw('CurrConnections')).toEqual(['CurrConnections', 'ElastiCache', 'count']);
    expect(cw('NetworkBytesIn')).toEqual(['NetworkBytesIn', 'ElastiCache', 'bytes']);
    expect(cw('NetworkBytesOut')).toEqual(['NetworkBytesOut', 'ElastiCache', 'bytes']);
    expect(cw('DatabaseMemoryUsagePercentage')).toEqual([
      'DatabaseMemoryUsagePercentage',
      'ElastiCache',
      'percent',
    ]);
    expect(cw('EngineCPUUtilization')).toEqual(['EngineCPUUtilization', 'ElastiCache', 'percent']);
    expect(cw('CPUUtilization')).toEqual(['CPUUtilization', 'ElastiCache', 'percent']);
    expect(cw('DbCpuUtilization')).toEqual(['CPUUtilization', 'RDS', 'percent']);
    expect(cw('Evictions')).toEqual(['Evictions', 'ElastiCache', 'count']);
    expect(cw('CurrItems')).toEqual(['CurrItems', 'ElastiCache', 'count']);
    expect(cw('BytesUsedForCacheItems')).toEqual([
      'BytesUsedForCacheItems',
      'ElastiCache',
      'bytes',
    ]);
    // Engine-specific: Memcached publishes GetHits and no EngineCPUUtilization or IsPrimary.
    expect(NODE_METRICS.GetHits.engines).toEqual(['memcached']);
    expect(NODE_METRICS.CacheHits.engines).toEqual(['redis']);
    expect(NODE_METRICS.EngineCPUUtilization.engines).toEqual(['redis']);
    expect(NODE_METRICS.IsPrimary.engines).toEqual(['redis']);
    // Rollups: counts add up; lag, memory use and CPU keep the worst node; data counts copies once.
    expect(NODE_METRICS.CacheHits.rollup).toBe('sum');
    expect(NODE_METRICS.ReplicationLag.rollup).toBe('max');
    expect(NODE_METRICS.DatabaseMemoryUsagePercentage.rollup).toBe('max');
    expect(NODE_METRICS.CurrItems.rollup).toBe('copies');
  });

  it('the display order lists every name once; the per-instance family is in, other names are not', () => {
    expect(new Set(METRIC_ORDER).size).toBe(METRIC_ORDER.length);
    expect([...METRIC_ORDER].sort()).toEqual(
      [...Object.keys(NODE_METRICS), ...Object.keys(MEASURES)].sort(),
    );
    expect(isMetricKey('Requests_app_3')).toBe(true);
    expect(metricDef('Requests_app_3')?.name).toBe('Requests on app-3');
    expect(isMetricKey('NoSuchMetric')).toBe(false);
    expect(metricDef('NoSuchMetric')).toBeNull();
    expect(isMetricKey('toString')).toBe(false);
  });
});

// Every registered model reports only catalogue names: the sandbox and the lessons read the
// same catalogue, so nothing reaches a panel unnamed.
const sims: Simulation[] = [];
afterAll(async () => {
  for (const s of sims) await s.dispose();
});

describe.each(Object.keys(scenarioModels))('metric names of %s', (id) => {
  it('are all in the catalogue', async () => {
    const sim = new Simulation(scenarioModels[id]!(nodeEnvironment), 3, { detail: 'summary' });
    sims.push(sim);
    await sim.ready();
    await sim.runUntil(3_000_000);
    const keys = Object.keys(sim.state().metrics);
    expect(keys.length).toBeGreaterThan(0);
    expect(
      keys.filter((k) => !isMetricKey(k)),
      `${id} reports names outside the catalogue`,
    ).toEqual([]);
  }, 120_000);
});

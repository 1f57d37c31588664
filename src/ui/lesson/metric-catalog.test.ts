import { describe, expect, it } from 'vitest';
import { formatMetricValue, inMetricCatalog, metricInfo } from './metric-catalog';

describe('metric catalogue: labels as CloudWatch has them, or "Simulator"', () => {
  it('says Simulator where RDS has no such metric, and gives units and periods', () => {
    // An RDS instance has no "Queries" metric (Aurora has).
    expect(metricInfo('DbQps')).toMatchObject({ name: 'Queries', source: 'Simulator' });
    expect(metricInfo('DatabaseQueries').source).toBe('Simulator');
    // RDS ReadLatency is seconds per disk read; our median statement time has its own name.
    expect(metricInfo('DbReadLatencyMs')).toMatchObject({
      name: 'Median statement time',
      source: 'Simulator',
    });
    expect(metricInfo('ReadLatency').unit).toBe('seconds');
    expect(metricInfo('ReadIOPS').description).toMatch(/disk read I\/O/i);
    expect(metricInfo('ReplicationLag').unit).toBe('seconds');
    expect(formatMetricValue(0.25, 'seconds')).toBe('0.250 s');
    expect(metricInfo('CacheHitRate').description).toMatch(/1 s period/);
    expect(metricInfo('CacheWriteErrors').name).toBe('Cache write errors');
  });

  it('knows the session-store measures and the per-instance family', () => {
    expect(metricInfo('LogoutFreeRequests').name).toBe('Requests since the last unexpected logout');
    expect(inMetricCatalog('Requests_app_3')).toBe(true);
    expect(metricInfo('Requests_app_3').name).toBe('Requests on app-3');
    expect(inMetricCatalog('NoSuchMetric')).toBe(false);
  });
});

/**
 * The scenario catalog: one line per scenario. A scenario folder adds its entry here and
 * nothing else outside its folder (DESIGN.md, "Scenarios and xstate").
 */
import type { LessonDefinition } from './framework';
import type { LectureDefinition } from '../ui/present';

export type ScenarioLevel = 'intro' | 'intermediate' | 'advanced';
export type ScenarioStatus = 'ready' | 'coming-soon';

export interface ScenarioMeta {
  /** URL slug: `#/learn/<id>`; equals the scenario's folder name. */
  id: string;
  title: string;
  summary: string;
  level: ScenarioLevel;
  /** Rough time to work through it, for the catalog. */
  minutes: number;
  status: ScenarioStatus;
  /** Loads the scenario's lesson (code-split: the catalog does not pay for it). */
  lesson?: () => Promise<LessonDefinition>;
  /** Loads its e-lecture for instructor mode (`#/present/<id>`); every lesson has one. */
  lecture?: () => Promise<LectureDefinition>;
}

export const scenarios: readonly ScenarioMeta[] = [
  {
    id: 'sandbox',
    title: 'Sandbox',
    summary:
      'A client, an app instance, a cache node and a database: watch each request travel, step through events, change the speed.',
    level: 'intro',
    minutes: 5,
    status: 'ready',
  },
  {
    id: 'db-cache',
    title: 'Database cache',
    summary:
      'Hits and misses, lazy loading versus write-through, TTLs, invalidation and eviction in front of a real SQL database.',
    level: 'intro',
    minutes: 25,
    status: 'ready',
    lesson: () => import('./db-cache').then((m) => m.dbCacheLesson),
    lecture: () => import('./db-cache').then((m) => m.dbCacheLecture),
  },
  {
    id: 'session-store',
    title: 'Session store',
    summary:
      'Keep web sessions across app instances: in-memory versus sticky sessions versus an ElastiCache session store, with instance and node failures.',
    level: 'intermediate',
    minutes: 20,
    status: 'ready',
    lesson: () => import('./session-store').then((m) => m.sessionStoreLesson),
    lecture: () => import('./session-store').then((m) => m.sessionStoreLecture),
  },
  {
    id: 'multi-az-failover',
    title: 'Multi-AZ failover',
    summary:
      'A replication group across three AZs: fail, reboot and cut off its primary, and measure seconds without writes, acknowledged writes lost, stale reads and time to recovery.',
    level: 'advanced',
    minutes: 25,
    status: 'ready',
    lesson: () => import('./multi-az-failover').then((m) => m.multiAzFailoverLesson),
    lecture: () => import('./multi-az-failover').then((m) => m.multiAzFailoverLecture),
  },
  {
    id: 'redis-vs-memcached',
    title: 'Redis vs Memcached',
    summary:
      'The same workload on a node-based Memcached cluster and a Valkey replication group: kill nodes, restore, run a leaderboard, add a node — and fill the comparison table with what you measured.',
    level: 'intermediate',
    minutes: 25,
    status: 'ready',
    lesson: () => import('./redis-vs-memcached').then((m) => m.redisVsMemcachedLesson),
    lecture: () => import('./redis-vs-memcached').then((m) => m.redisVsMemcachedLecture),
  },
];

export function findScenario(id: string): ScenarioMeta | undefined {
  return scenarios.find((s) => s.id === id);
}

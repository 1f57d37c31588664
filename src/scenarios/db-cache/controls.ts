/** The db-cache controls, as data: the lesson kit renders them and turns changes into actions. */
import type { UserAction } from '../../worker';
import type { ActionButton, ControlGroup } from '../framework';

const POLICIES = [
  'volatile-lru',
  'allkeys-lru',
  'volatile-lfu',
  'allkeys-lfu',
  'volatile-random',
  'allkeys-random',
  'volatile-ttl',
  'noeviction',
];

export const controls: ControlGroup[] = [
  {
    id: 'strategy',
    title: 'Caching strategy',
    description: 'How the app keeps the cache and the database in step.',
    apply: 'change',
    fields: [
      {
        kind: 'select',
        id: 'strategy',
        label: 'Strategy',
        initial: 'lazy',
        options: [
          { value: 'lazy', label: 'Lazy loading (cache-aside)' },
          { value: 'write-through', label: 'Write-through' },
          { value: 'write-through+lazy', label: 'Write-through + lazy loading' },
        ],
      },
      {
        kind: 'toggle',
        id: 'invalidate',
        label: 'Invalidate on write (DEL the key)',
        initial: false,
      },
    ],
    toActions: (v): UserAction[] => [
      { type: 'strategy.set', params: { strategy: String(v.strategy) } },
      { type: 'invalidate.set', params: { enabled: Boolean(v.invalidate) } },
    ],
    fromAction: (a) => {
      if (a.type === 'strategy.set' && typeof a.params?.strategy === 'string')
        return { strategy: a.params.strategy };
      if (a.type === 'invalidate.set' && typeof a.params?.enabled === 'boolean')
        return { invalidate: a.params.enabled };
      return null;
    },
  },
  {
    id: 'ttl',
    title: 'Time to live',
    description: 'Every cache write gets this TTL (SET … EX). 0 = keys never expire.',
    apply: 'button',
    applyLabel: 'Apply TTL',
    fields: [
      {
        kind: 'number',
        id: 'seconds',
        label: 'TTL',
        min: 0,
        max: 120,
        step: 1,
        unit: 's',
        initial: 0,
      },
    ],
    toActions: (v) => [{ type: 'ttl.set', params: { seconds: Number(v.seconds) } }],
    fromAction: (a) =>
      a.type === 'ttl.set' && typeof a.params?.seconds === 'number'
        ? { seconds: a.params.seconds }
        : null,
  },
  {
    id: 'workload',
    title: 'Workload',
    description: 'What the users do. Reads follow Zipf popularity over 2,000 products.',
    apply: 'button',
    applyLabel: 'Apply workload',
    fields: [
      {
        kind: 'number',
        id: 'readShare',
        label: 'Reads share',
        min: 0.1,
        max: 1,
        step: 0.05,
        initial: 0.9,
      },
      {
        kind: 'number',
        id: 'zipf',
        label: 'Popularity skew (Zipf)',
        min: 0,
        max: 1.5,
        step: 0.05,
        initial: 0.99,
      },
      {
        kind: 'number',
        id: 'ratePerSec',
        label: 'Requests per second',
        min: 10,
        max: 5000,
        step: 10,
        initial: 500,
      },
      {
        kind: 'number',
        id: 'itemBytes',
        label: 'Item size',
        min: 64,
        max: 8192,
        step: 64,
        unit: 'B',
        initial: 1024,
      },
    ],
    toActions: (v) => [
      {
        type: 'workload.set',
        params: {
          readShare: Number(v.readShare),
          zipf: Number(v.zipf),
          ratePerSec: Number(v.ratePerSec),
          itemBytes: Number(v.itemBytes),
        },
      },
    ],
    fromAction: (a) => {
      if (a.type !== 'workload.set' || !a.params) return null;
      const out: Record<string, number> = {};
      for (const k of ['readShare', 'zipf', 'ratePerSec', 'itemBytes'])
        if (typeof a.params[k] === 'number') out[k] = a.params[k];
      return out;
    },
  },
  {
    id: 'cache',
    title: 'Cache node memory',
    description:
      'On ElastiCache the node type fixes maxmemory; only maxmemory-policy is a parameter (default volatile-lru). The maxmemory field is a simulator shortcut so that a full node shows in seconds (docs/aws/memory-and-eviction.md).',
    apply: 'button',
    applyLabel: 'Apply memory settings',
    fields: [
      {
        kind: 'number',
        id: 'maxmemoryMb',
        label: 'maxmemory (simulator shortcut for a node type)',
        min: 1,
        max: 64,
        step: 1,
        unit: 'MB',
        initial: 8,
      },
      {
        kind: 'select',
        id: 'policy',
        label: 'maxmemory-policy',
        initial: 'volatile-lru',
        options: POLICIES.map((p) => ({ value: p, label: p })),
      },
    ],
    toActions: (v) => [
      {
        type: 'cache.config',
        params: { maxmemoryMb: Number(v.maxmemoryMb), policy: String(v.policy) },
      },
    ],
    fromAction: (a) => {
      if (a.type !== 'cache.config' || !a.params) return null;
      const out: Record<string, string | number> = {};
      if (typeof a.params.maxmemoryMb === 'number') out.maxmemoryMb = a.params.maxmemoryMb;
      if (typeof a.params.policy === 'string') out.policy = a.params.policy;
      return out;
    },
  },
  {
    id: 'db',
    title: 'Change the database directly',
    description: 'Another system updates one product row — the cache is not told.',
    apply: 'button',
    applyLabel: 'Update this product in the database',
    fields: [
      {
        kind: 'number',
        id: 'id',
        label: 'Product id (1 is the most popular)',
        min: 1,
        max: 50,
        step: 1,
        initial: 1,
      },
    ],
    toActions: (v) => [{ type: 'db.write', params: { id: Number(v.id) } }],
  },
];

export const buttons: ActionButton[] = [
  {
    id: 'replace',
    label: 'Replace cache node',
    description: 'The node fails and ElastiCache puts an empty one behind the same endpoint.',
    action: { type: 'cache.replace' },
  },
];

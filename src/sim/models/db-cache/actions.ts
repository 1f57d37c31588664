import { MAXMEMORY_POLICIES } from '../../../engine/redis/index';
import type { ParamSpec } from '../../action-params';
import type { ActionSpec } from '../../model';
import { STRATEGIES, type DbCacheConfig } from './config';
import type { Layout } from './layout';

/** The actions that take parameters, their fields starting at the model's initial settings. */
function paramActions(cfg: DbCacheConfig): ActionSpec[] {
  const productId: ParamSpec = {
    name: 'id',
    label: 'Product id',
    kind: 'number',
    min: 1,
    max: cfg.catalogSize,
    step: 1,
    default: 1,
  };
  return [
    {
      type: 'strategy.set',
      label: 'Caching strategy',
      description: 'How the app fills the cache: on a miss (lazy), on every write, or both.',
      params: [
        {
          name: 'strategy',
          label: 'Strategy',
          kind: 'choice',
          options: STRATEGIES,
          default: cfg.strategy,
        },
      ],
    },
    {
      type: 'ttl.set',
      label: 'TTL',
      description: 'Seconds each cached product lives; 0 keeps keys until evicted.',
      params: [
        {
          name: 'seconds',
          label: 'TTL',
          kind: 'number',
          min: 0,
          max: 86_400,
          step: 1,
          default: cfg.ttlSeconds,
          unit: 's',
        },
      ],
    },
    {
      type: 'invalidate.set',
      label: 'Invalidate on write',
      description: 'DEL the key when its row is written.',
      params: [
        { name: 'enabled', label: 'Enabled', kind: 'boolean', default: cfg.invalidateOnWrite },
      ],
    },
    {
      type: 'workload.set',
      label: 'Workload',
      description: 'The users: read share, key popularity (Zipf skew), rate and item size.',
      params: [
        {
          name: 'readShare',
          label: 'Read share',
          kind: 'number',
          min: 0.1,
          max: 1,
          step: 0.05,
          default: cfg.readShare,
        },
        {
          name: 'zipf',
          label: 'Zipf skew',
          kind: 'number',
          min: 0,
          max: 1.5,
          step: 0.01,
          default: cfg.zipf,
        },
        {
          name: 'ratePerSec',
          label: 'Rate',
          kind: 'number',
          min: 10,
          max: 20_000,
          step: 10,
          default: cfg.ratePerSec,
          unit: 'req/s',
        },
        {
          name: 'itemBytes',
          label: 'Item size',
          kind: 'number',
          min: 16,
          max: 65_536,
          step: 16,
          default: cfg.itemBytes,
          unit: 'B',
        },
      ],
    },
    {
      type: 'cache.config',
      label: 'Cache size and policy',
      description: 'maxmemory and maxmemory-policy of the Redis node.',
      params: [
        {
          name: 'maxmemoryMb',
          label: 'maxmemory',
          kind: 'number',
          min: 1,
          max: 1024,
          step: 1,
          default: cfg.maxmemoryMb,
          unit: 'MB',
        },
        {
          name: 'policy',
          label: 'Policy',
          kind: 'choice',
          options: MAXMEMORY_POLICIES,
          default: cfg.policy,
        },
      ],
    },
    {
      type: 'db.write',
      label: 'Update a product in the database',
      description: 'Another system updates this row now; the cache is not told.',
      params: [productId],
    },
    {
      type: 'request.send',
      label: 'Send one request',
      description: 'One user request for a product, drawn hop by hop.',
      params: [
        {
          name: 'op',
          label: 'Operation',
          kind: 'choice',
          options: ['read', 'write'],
          default: 'read',
        },
        productId,
      ],
    },
    {
      type: 'traffic.set',
      label: 'User traffic',
      description: 'Pause or resume the simulated users.',
      params: [{ name: 'running', label: 'Running', kind: 'boolean', default: true }],
    },
    {
      type: 'console',
      label: 'Console',
      description: 'A line typed in the Redis, Memcached or SQL console.',
      hidden: true,
    },
  ];
}

const NODE_ACTIONS: ActionSpec[] = [
  {
    type: 'cache.flush',
    label: 'Flush cache',
    description: 'Empty the cache node the app uses (FLUSHALL / flush_all).',
  },
  {
    type: 'cache.replace',
    label: 'Replace cache node',
    description: 'The node is replaced by an empty one, same endpoint.',
  },
];

const ENGINE_ACTIONS: ActionSpec[] = [
  {
    type: 'cache.use-memcached',
    label: 'Use Memcached',
    description: 'The app caches in the Memcached node.',
  },
  { type: 'cache.use-redis', label: 'Use Redis', description: 'The app caches in the Redis node.' },
];

/**
 * The actions a variant offers, fields starting at the model's initial settings: the sandbox
 * (with its Memcached node) leads with the node and engine buttons, the lesson with the
 * parameters.
 */
export function dbCacheActions(cfg: DbCacheConfig, layout: Layout): ActionSpec[] {
  // With one cache node the node actions are that node's faults, offered in its panel on the
  // canvas; the sandbox's act on whichever node the app uses, so they stay in the actions list.
  return layout.memcached
    ? [...NODE_ACTIONS, ...ENGINE_ACTIONS, ...paramActions(cfg)]
    : [...paramActions(cfg), ...NODE_ACTIONS.map((a) => ({ ...a, target: { ids: ['cache'] } }))];
}

import { afterAll, describe, expect, it } from 'vitest';
import { nodeEnvironment } from '../../test/support/node-environment';
import { defaultParams, describeAction, type ParamSpec } from './action-params';
import type { ActionSpec } from './model';
import { scenarioModels } from './model-registry';
import { Simulation } from './simulation';

// Every scenario's action specs must agree with what its model accepts: a form filled with the
// defaults is never refused for a parameter, and a value past a bound is refused by name.
const sims: Simulation[] = [];
afterAll(async () => {
  for (const s of sims) await s.dispose();
});

async function start(id: string): Promise<Simulation> {
  const sim = new Simulation(scenarioModels[id]!(nodeEnvironment), 11);
  sims.push(sim);
  await sim.ready();
  return sim;
}

const paramError = (spec: ParamSpec) => new RegExp(`"${spec.name}" must`);

describe.each(Object.keys(scenarioModels))('action params of %s', (id) => {
  it('defaults are accepted and are inside their own bounds', async () => {
    const sim = await start(id);
    for (const action of sim.model.actions.filter((a) => a.params?.length && !a.hidden)) {
      for (const p of action.params!) {
        if (p.kind === 'number') {
          expect(p.default, `${action.type}.${p.name}`).toBeGreaterThanOrEqual(p.min);
          expect(p.default, `${action.type}.${p.name}`).toBeLessThanOrEqual(p.max);
        }
        if (p.kind === 'choice') expect(p.options).toContain(p.default);
      }
      const outcome = await sim.act({ type: action.type, params: defaultParams(action.params!) });
      // Some actions may be refused for the state of the world (e.g. restoring an AZ that is
      // up), never for a parameter the form offered.
      if (!outcome.ok) {
        for (const p of action.params!) expect(outcome.error).not.toMatch(paramError(p));
      }
    }
  });

  it('numbers past their bounds are refused with a sentence naming the field', async () => {
    const sim = await start(id);
    for (const action of sim.model.actions.filter((a) => a.params?.length && !a.hidden)) {
      for (const p of action.params!) {
        if (p.kind !== 'number') continue;
        for (const bad of [p.max + p.step * 10, p.min - p.step * 10, 'twelve']) {
          const params = { ...defaultParams(action.params!), [p.name]: bad };
          const outcome = await sim.act({ type: action.type, params });
          expect(outcome.ok, `${action.type} ${p.name}=${bad}`).toBe(false);
          if (!outcome.ok) expect(outcome.error).toMatch(new RegExp(p.name));
        }
      }
    }
  });
});

describe('describeAction', () => {
  const specs: ActionSpec[] = [
    {
      type: 'ttl.set',
      label: 'TTL',
      description: '',
      params: [
        {
          name: 'seconds',
          label: 'TTL',
          kind: 'number',
          min: 0,
          max: 60,
          step: 1,
          default: 0,
          unit: 's',
        },
      ],
    },
    {
      type: 'invalidate.set',
      label: 'Invalidate on write',
      description: '',
      params: [{ name: 'enabled', label: 'Enabled', kind: 'boolean', default: false }],
    },
    { type: 'cache.flush', label: 'Flush cache', description: '' },
  ];

  it('tells an action in its spec words, not the wire form', () => {
    expect(describeAction(specs, { type: 'ttl.set', params: { seconds: 30 } })).toEqual({
      action: 'TTL',
      detail: 'TTL = 30 s',
    });
    expect(describeAction(specs, { type: 'invalidate.set', params: { enabled: 'true' } })).toEqual({
      action: 'Invalidate on write',
      detail: 'Enabled: on',
    });
    expect(describeAction(specs, { type: 'cache.flush' })).toEqual({
      action: 'Flush cache',
      detail: '',
    });
    // An action or a field the specs do not know is still told, as sent.
    expect(describeAction(specs, { type: 'x.y', params: { n: 1 } })).toEqual({
      action: 'x.y',
      detail: 'n = 1',
    });
  });
});

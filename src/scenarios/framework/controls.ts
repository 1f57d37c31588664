import type { LoggedAction } from '../../worker';
import type { ControlGroup, FieldValues } from './types';

/** Each control group's values as the simulation has them: initial values, then every applied action. */
export function controlValues(
  groups: readonly ControlGroup[],
  log: readonly LoggedAction[],
): Record<string, FieldValues> {
  const values: Record<string, FieldValues> = {};
  for (const g of groups) {
    const v: FieldValues = Object.fromEntries(g.fields.map((f) => [f.id, f.initial]));
    for (const { action } of log) {
      const read = g.fromAction?.(action);
      if (read) Object.assign(v, read);
    }
    values[g.id] = v;
  }
  return values;
}

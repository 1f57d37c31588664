import { scenarios, type ScenarioMeta } from '../../scenarios';
import { PageHeading } from '../shell/page-heading';

const LEVEL: Record<ScenarioMeta['level'], string> = {
  intro: 'Introductory',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

/** Every scenario from the registry, one card each. */
export function CatalogPage() {
  return (
    <>
      <PageHeading title="Scenarios" />
      <p className="lede">
        Watch and steer a small cloud — app instances, an ElastiCache node, a database — and see why
        caching behaves the way it does. Every run is deterministic: the same seed and the same
        actions give the same result.
      </p>
      <ul className="catalog">
        {scenarios.map((s) => (
          <li key={s.id} className={`card${s.status === 'ready' ? '' : ' card-soon'}`}>
            <h2>
              <a href={s.id === 'sandbox' ? '#/sandbox' : `#/learn/${s.id}`}>{s.title}</a>
            </h2>
            <p>{s.summary}</p>
            <p className="card-meta">
              <span className={`status status-${s.status}`}>
                {s.status === 'ready' ? '✓ Ready' : '◷ Coming soon'}
              </span>
              <span aria-hidden="true">·</span>
              <span>{LEVEL[s.level]}</span>
              <span aria-hidden="true">·</span>
              <span>about {s.minutes} min</span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
